"""A local HTTP server that answers the GitHub REST API endpoints `remediator pr` uses.

Only what cannot be reached from a test machine is served here: requests, status codes, headers
and payloads follow GitHub's REST API documentation (version 2022-11-28):

- ``GET    /repos/{owner}/{repo}/pulls``                          list pull requests (state, head, base, per_page, page)
- ``POST   /repos/{owner}/{repo}/pulls``                          create a pull request (201)
- ``PATCH  /repos/{owner}/{repo}/pulls/{pull_number}``            update a pull request (title, body, state, base)
- ``GET    /repos/{owner}/{repo}/issues/{issue_number}/comments`` list issue comments
- ``POST   /repos/{owner}/{repo}/issues/{issue_number}/comments`` create an issue comment (201)
- ``POST   /repos/{owner}/{repo}/issues/{issue_number}/labels``   add labels (200, every label of the issue)

Every payload the server sends is first validated against githubkit's models, which are generated
from GitHub's OpenAPI description (the documented schemas): a field missing or of the wrong type
fails the test on the server side. Errors have GitHub's shape (``message``,
``documentation_url``, ``errors`` for 422). The head and base branches of a new pull request are
checked against the real bare repository that is the remote of the test, as GitHub checks its own.

Every request is recorded (method, path, query, JSON body, headers) so that tests assert exactly
which calls were made.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from githubkit_schemas.v2022_11_28.models import IssueComment, Label, PullRequest, PullRequestSimple

DOCS = "https://docs.github.com/rest"
API_VERSION = "2022-11-28"


@dataclass
class Call:
    method: str
    path: str
    query: dict[str, str]
    body: Any
    headers: dict[str, str]

    @property
    def endpoint(self) -> tuple[str, str]:
        return self.method, self.path


@dataclass
class Fault:
    method: str
    path: str
    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)
    times: int = 1


@dataclass
class PullState:
    number: int
    title: str
    body: str
    head: str
    base: str
    state: str = "open"
    merged: bool = False
    labels: list[str] = field(default_factory=list)
    comments: list[dict[str, Any]] = field(default_factory=list)
    created: str = "2026-11-02T10:00:00Z"
    updated: str = "2026-11-02T10:00:00Z"
    closed_at: str | None = None


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class GitHubServer:
    """One repository (``owner/name``) on a local API server, backed by a bare git repository."""

    def __init__(self, owner: str, name: str, bare_repo: str, token: str) -> None:
        self.owner, self.name, self.bare_repo, self.token = owner, name, bare_repo, token
        self.calls: list[Call] = []
        self.faults: list[Fault] = []
        #: what went wrong on the server side (an undocumented request or payload): tests assert it stays empty
        self.problems: list[str] = []
        self.pulls: dict[int, PullState] = {}
        self._next_id = 1
        self._lock = threading.Lock()
        handler = type("Handler", (_Handler,), {"api": self})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "GitHubServer":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    # -- what tests use -----------------------------------------------------------------------------
    def endpoints(self) -> list[tuple[str, str]]:
        return [c.endpoint for c in self.calls]

    def reset_calls(self) -> None:
        self.calls.clear()

    def fail(self, method: str, path: str, status: int, message: str, headers: dict[str, str] | None = None,
             errors: list[dict[str, Any]] | None = None, times: int = 1) -> None:
        body: dict[str, Any] = {"message": message, "documentation_url": DOCS}
        if errors is not None:
            body["errors"] = errors
        if status in (401, 404):
            body["status"] = str(status)
        self.faults.append(Fault(method, path, status, body, headers or {}, times))

    def close_as_person(self, number: int) -> None:
        pull = self.pulls[number]
        pull.state, pull.closed_at = "closed", _now()

    def set_body(self, number: int, body: str) -> None:
        self.pulls[number].body = body

    def remove_label(self, number: int, label: str) -> None:
        self.pulls[number].labels.remove(label)

    @property
    def repo_path(self) -> str:
        return f"/repos/{self.owner}/{self.name}"

    # -- payloads (documented shapes) ----------------------------------------------------------------
    def _user(self, login: str = "remediator-bot", uid: int = 1, kind: str = "Bot") -> dict[str, Any]:
        u = f"{self.url}/users/{login}"
        return {
            "login": login, "id": uid, "node_id": f"MDQ6VXNlcj{uid}", "avatar_url": f"{self.url}/avatars/{uid}",
            "gravatar_id": "", "url": u, "html_url": f"https://github.example/{login}",
            "followers_url": f"{u}/followers", "following_url": f"{u}/following{{/other_user}}",
            "gists_url": f"{u}/gists{{/gist_id}}", "starred_url": f"{u}/starred{{/owner}}{{/repo}}",
            "subscriptions_url": f"{u}/subscriptions", "organizations_url": f"{u}/orgs", "repos_url": f"{u}/repos",
            "events_url": f"{u}/events{{/privacy}}", "received_events_url": f"{u}/received_events",
            "type": kind, "site_admin": False,
        }

    def _repository(self) -> dict[str, Any]:
        r = f"{self.url}{self.repo_path}"
        templated = {
            "archive_url": "/{archive_format}{/ref}", "assignees_url": "/assignees{/user}",
            "blobs_url": "/git/blobs{/sha}", "branches_url": "/branches{/branch}",
            "collaborators_url": "/collaborators{/collaborator}", "comments_url": "/comments{/number}",
            "commits_url": "/commits{/sha}", "compare_url": "/compare/{base}...{head}",
            "contents_url": "/contents/{+path}", "contributors_url": "/contributors", "deployments_url": "/deployments",
            "downloads_url": "/downloads", "events_url": "/events", "forks_url": "/forks",
            "git_commits_url": "/git/commits{/sha}", "git_refs_url": "/git/refs{/sha}", "git_tags_url": "/git/tags{/sha}",
            "issue_comment_url": "/issues/comments{/number}", "issue_events_url": "/issues/events{/number}",
            "issues_url": "/issues{/number}", "keys_url": "/keys{/key_id}", "labels_url": "/labels{/name}",
            "languages_url": "/languages", "merges_url": "/merges", "milestones_url": "/milestones{/number}",
            "notifications_url": "/notifications{?since,all,participating}", "pulls_url": "/pulls{/number}",
            "releases_url": "/releases{/id}", "stargazers_url": "/stargazers", "statuses_url": "/statuses/{sha}",
            "subscribers_url": "/subscribers", "subscription_url": "/subscription", "tags_url": "/tags",
            "teams_url": "/teams", "trees_url": "/git/trees{/sha}", "hooks_url": "/hooks",
        }
        repo = {k: r + v for k, v in templated.items()}
        repo.update({
            "id": 1296269, "node_id": "MDEwOlJlcG9zaXRvcnkxMjk2MjY5", "name": self.name,
            "full_name": f"{self.owner}/{self.name}", "owner": self._user(self.owner, 2, "Organization"),
            "private": True, "html_url": f"https://github.example/{self.owner}/{self.name}", "description": None,
            "fork": False, "url": r, "git_url": f"git://github.example/{self.owner}/{self.name}.git",
            "ssh_url": f"git@github.example:{self.owner}/{self.name}.git",
            "clone_url": f"https://github.example/{self.owner}/{self.name}.git", "mirror_url": None,
            "svn_url": f"https://github.example/{self.owner}/{self.name}", "homepage": None, "language": "Python",
            "forks_count": 0, "forks": 0, "stargazers_count": 0, "watchers_count": 0, "watchers": 0, "size": 108,
            "default_branch": "main", "open_issues_count": 0, "open_issues": 0, "has_pages": False,
            "disabled": False, "license": None, "pushed_at": "2026-11-01T09:00:00Z",
            "created_at": "2026-01-01T09:00:00Z", "updated_at": "2026-11-01T09:00:00Z",
        })
        return repo

    def _ref(self, branch: str) -> dict[str, Any]:
        sha = self._branch_sha(branch) or "0" * 40
        return {"label": f"{self.owner}:{branch}", "ref": branch, "sha": sha, "repo": self._repository(),
                "user": self._user(self.owner, 2, "Organization")}

    def _label(self, name: str) -> dict[str, Any]:
        return {"id": abs(hash(name)) % 10**9, "node_id": f"LA_{name}", "name": name, "description": None,
                "color": "ededed", "default": False, "archived_at": None, "archived_by": None,
                "url": f"{self.url}{self.repo_path}/labels/{name}"}

    def _pull(self, p: PullState, full: bool) -> dict[str, Any]:
        u = f"{self.url}{self.repo_path}/pulls/{p.number}"
        issue = f"{self.url}{self.repo_path}/issues/{p.number}"
        html = f"https://github.example/{self.owner}/{self.name}/pull/{p.number}"
        data: dict[str, Any] = {
            "url": u, "id": 1000 + p.number, "node_id": f"PR_{p.number}", "html_url": html,
            "diff_url": html + ".diff", "patch_url": html + ".patch", "issue_url": issue,
            "commits_url": u + "/commits", "review_comments_url": u + "/comments",
            "review_comment_url": f"{self.url}{self.repo_path}/pulls/comments{{/number}}",
            "comments_url": issue + "/comments", "statuses_url": f"{self.url}{self.repo_path}/statuses/x",
            "number": p.number, "state": p.state, "locked": False, "title": p.title, "user": self._user(),
            "body": p.body, "labels": [self._label(n) for n in p.labels], "milestone": None,
            "active_lock_reason": None, "created_at": p.created, "updated_at": p.updated, "closed_at": p.closed_at,
            "merged_at": p.closed_at if p.merged else None, "merge_commit_sha": None, "assignee": None,
            "assignees": [], "requested_reviewers": [], "requested_teams": [], "head": self._ref(p.head),
            "base": self._ref(p.base), "author_association": "CONTRIBUTOR", "auto_merge": None, "draft": False,
            "_links": {k: {"href": v} for k, v in {
                "self": u, "html": html, "issue": issue, "comments": issue + "/comments",
                "review_comments": u + "/comments", "review_comment": u + "/comments{/number}",
                "commits": u + "/commits", "statuses": f"{self.url}{self.repo_path}/statuses/x"}.items()},
        }
        if full:
            data.update({"merged": p.merged, "mergeable": None, "rebaseable": None, "mergeable_state": "unknown",
                         "merged_by": None, "comments": len(p.comments), "review_comments": 0,
                         "maintainer_can_modify": True, "commits": 1, "additions": 1, "deletions": 1,
                         "changed_files": 1})
            PullRequest.model_validate(data)
        else:
            PullRequestSimple.model_validate(data)
        return data

    def _comment(self, p: PullState, cid: int, body: str) -> dict[str, Any]:
        issue = f"{self.url}{self.repo_path}/issues/{p.number}"
        data = {"id": cid, "node_id": f"IC_{cid}", "url": f"{self.url}{self.repo_path}/issues/comments/{cid}",
                "html_url": f"https://github.example/{self.owner}/{self.name}/pull/{p.number}#issuecomment-{cid}",
                "body": body, "user": self._user(), "created_at": _now(), "updated_at": _now(),
                "issue_url": issue, "author_association": "CONTRIBUTOR"}
        IssueComment.model_validate(data)
        return data

    def _branch_sha(self, branch: str) -> str | None:
        proc = subprocess.run(["git", "-C", self.bare_repo, "rev-parse", "--verify", "--quiet",
                               f"refs/heads/{branch}"], capture_output=True, text=True)
        return proc.stdout.strip() or None

    # -- request handling ---------------------------------------------------------------------------
    def handle(self, method: str, path: str, query: dict[str, str], body: Any,
               headers: dict[str, str]) -> tuple[int, Any, dict[str, str]]:
        with self._lock:
            self.calls.append(Call(method, path, query, body, headers))
            for fault in self.faults:
                if fault.method == method and fault.path == path and fault.times > 0:
                    fault.times -= 1
                    return fault.status, fault.body, fault.headers
            auth = headers.get("authorization", "")
            if auth not in (f"token {self.token}", f"Bearer {self.token}"):
                return 401, {"message": "Bad credentials", "documentation_url": DOCS, "status": "401"}, {}
            if headers.get("x-github-api-version") != API_VERSION or \
                    "application/vnd.github" not in headers.get("accept", ""):
                self.problems.append(f"{method} {path}: headers {headers}")
            parts = path.strip("/").split("/")
            if parts[:3] != ["repos", self.owner, self.name]:
                return 404, {"message": "Not Found", "documentation_url": DOCS, "status": "404"}, {}
            rest = parts[3:]
            if rest == ["pulls"] and method == "GET":
                return 200, self._list(query), {}
            if rest == ["pulls"] and method == "POST":
                return self._create(body)
            if len(rest) == 2 and rest[0] == "pulls" and method == "PATCH":
                return self._update(int(rest[1]), body)
            if len(rest) == 3 and rest[0] == "issues" and rest[2] == "comments":
                pull = self.pulls.get(int(rest[1]))
                if pull is None:
                    return 404, {"message": "Not Found", "documentation_url": DOCS, "status": "404"}, {}
                if method == "GET":
                    return 200, pull.comments, {}
                if method == "POST":
                    comment = self._comment(pull, 5000 + sum(len(p.comments) for p in self.pulls.values()),
                                            body["body"])
                    pull.comments.append(comment)
                    return 201, comment, {}
            if len(rest) == 3 and rest[0] == "issues" and rest[2] == "labels" and method == "POST":
                pull = self.pulls[int(rest[1])]
                names = body["labels"] if isinstance(body, dict) else body
                for n in names:
                    if n not in pull.labels:
                        pull.labels.append(n)
                labels = [self._label(n) for n in pull.labels]
                for lab in labels:
                    Label.model_validate(lab)
                return 200, labels, {}
            return 404, {"message": "Not Found", "documentation_url": DOCS, "status": "404"}, {}

    def _list(self, query: dict[str, str]) -> list[dict[str, Any]]:
        state = query.get("state", "open")
        out = []
        for p in sorted(self.pulls.values(), key=lambda p: -p.number):  # newest first, as GitHub sorts by created
            if state != "all" and p.state != state:
                continue
            if "head" in query and query["head"] != f"{self.owner}:{p.head}":
                continue
            if "base" in query and query["base"] != p.base:
                continue
            out.append(self._pull(p, full=False))
        return out

    def _invalid(self, field_name: str, message: str | None = None) -> tuple[int, Any, dict[str, str]]:
        error: dict[str, Any] = {"resource": "PullRequest", "field": field_name, "code": "invalid"}
        if message:
            error = {"resource": "PullRequest", "code": "custom", "message": message}
        return 422, {"message": "Validation Failed", "errors": [error], "documentation_url": DOCS}, {}

    def _create(self, body: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:
        head, base = body["head"], body["base"]
        if self._branch_sha(base) is None:
            return self._invalid("base")
        if self._branch_sha(head) is None:
            return self._invalid("head")
        if any(p.head == head and p.base == base and p.state == "open" for p in self.pulls.values()):
            return self._invalid("head", f"A pull request already exists for {self.owner}:{head}.")
        number = self._next_id
        self._next_id += 1
        self.pulls[number] = PullState(number, body["title"], body.get("body") or "", head, base)
        return 201, self._pull(self.pulls[number], full=True), {}

    def _update(self, number: int, body: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:
        pull = self.pulls.get(number)
        if pull is None:
            return 404, {"message": "Not Found", "documentation_url": DOCS, "status": "404"}, {}
        for key in ("title", "body", "base"):
            if key in body:
                setattr(pull, key, body[key])
        if body.get("state") == "closed" and pull.state == "open":
            pull.state, pull.closed_at = "closed", _now()
        pull.updated = _now()
        return 200, self._pull(pull, full=True), {}


class _Handler(BaseHTTPRequestHandler):
    api: GitHubServer

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        pass

    def _serve(self) -> None:
        parts = urlsplit(self.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length) if length else b""
        body = json.loads(raw) if raw else None
        headers = {k.lower(): v for k, v in self.headers.items()}
        try:
            status, payload, extra = self.api.handle(self.command, parts.path, query, body, headers)
        except Exception as exc:  # a payload that does not validate, a body of the wrong shape
            self.api.problems.append(f"{self.command} {parts.path}: {type(exc).__name__}: {exc}")
            status, payload, extra = 500, {"message": "Server Error", "documentation_url": DOCS}, {}
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-GitHub-Media-Type", "github.v3; format=json")
        for key, value in extra.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PATCH = _serve
