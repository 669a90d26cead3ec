"""The GitHub REST API calls of ``remediator pr`` (githubkit), and their failures as one-line messages.

API version 2022-11-28 is requested explicitly: it is the version GitHub Enterprise Server
speaks and the one github.com answers by default. githubkit's HTTP cache and automatic retries
are off: every run makes exactly the requests it needs, and a rate limit ends the run with the
time it resets instead of sleeping in CI. Responses are read as plain JSON (only the fields used
below), so a field GitHub adds or drops elsewhere in a payload cannot break a run.

The token is handed to githubkit and never put into a message: errors name the status, GitHub's
``message`` and what to do.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from remediator import __version__
from remediator.pr import PrError

API_VERSION = "2022-11-28"
DEFAULT_API_URL = "https://api.github.com"
TIMEOUT = 30.0

_REPO_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+$")
# https://host/owner/name(.git), ssh://git@host(:port)/owner/name(.git), git@host:owner/name(.git)
_REMOTE_RES = (
    re.compile(r"^[a-z][a-z0-9+.-]*://(?:[^/@]+@)?[^/]+/(?P<repo>[^/]+/[^/]+?)(?:\.git)?/?$", re.IGNORECASE),
    re.compile(r"^(?:[^/@:]+@)?[^/:]+:(?P<repo>[^/]+/[^/]+?)(?:\.git)?/?$"),
)


def repo_from_remote(url: str) -> str | None:
    """``owner/name`` of a GitHub remote URL (https, ssh or scp-like), else None."""
    for pattern in _REMOTE_RES:
        m = pattern.match(url.strip())
        if m and _REPO_RE.match(m.group("repo")):
            return m.group("repo")
    return None


def check_repo(text: str) -> str:
    if not _REPO_RE.match(text):
        raise PrError(f"--github-repo {text!r} is not of the form owner/name")
    return text


@dataclass
class Pull:
    """The fields of a pull request that remediator reads."""

    number: int
    state: str
    merged: bool
    title: str
    body: str
    base: str
    head: str
    labels: list[str] = field(default_factory=list)
    url: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Pull":
        return cls(number=data["number"], state=data["state"], merged=bool(data.get("merged_at")),
                   title=data.get("title") or "", body=data.get("body") or "", base=data["base"]["ref"],
                   head=data["head"]["ref"], labels=[lab["name"] for lab in data.get("labels") or []],
                   url=data.get("html_url") or "")


class GitHubApi:
    """The calls ``remediator pr`` makes, on one repository."""

    def __init__(self, repo: str, token: str, api_url: str = DEFAULT_API_URL, token_env: str = "GITHUB_TOKEN",
                 timeout: float = TIMEOUT) -> None:
        from githubkit import GitHub  # imported here: the other commands need not load it

        self.repo = repo
        self.owner, self.name = repo.split("/", 1)
        self.api_url = api_url.rstrip("/")
        self.token_env = token_env
        self.timeout = timeout
        self._github = GitHub(token, base_url=self.api_url + "/", http_cache=False, auto_retry=False,
                              timeout=timeout, user_agent=f"remediator/{__version__}")
        self._rest = self._github.rest(API_VERSION)

    # -- calls ------------------------------------------------------------------------------------
    def pulls_for_branch(self, branch: str) -> list[Pull]:
        """Every pull request (open or closed) whose head is ``branch`` of this repository."""
        pages = self._github.rest.paginate(self._rest.pulls.list, map_func=lambda r: r.json(), owner=self.owner,
                                           repo=self.name, state="all", head=f"{self.owner}:{branch}", per_page=100)
        data = self._call("listing the pull requests", lambda: list(pages))
        return [Pull.from_json(p) for p in data]

    def create_pull(self, title: str, head: str, base: str, body: str) -> Pull:
        data = self._call("opening the pull request", lambda: self._rest.pulls.create(
            self.owner, self.name, title=title, head=head, base=base, body=body, maintainer_can_modify=True).json())
        return Pull.from_json(data)

    def update_pull(self, number: int, **fields: Any) -> Pull:
        data = self._call(f"updating pull request #{number}",
                          lambda: self._rest.pulls.update(self.owner, self.name, number, **fields).json())
        return Pull.from_json(data)

    def comments(self, number: int) -> list[str]:
        pages = self._github.rest.paginate(self._rest.issues.list_comments, map_func=lambda r: r.json(),
                                           owner=self.owner, repo=self.name, issue_number=number, per_page=100)
        data = self._call(f"reading the comments of #{number}", lambda: list(pages))
        return [c.get("body") or "" for c in data]

    def comment(self, number: int, body: str) -> None:
        self._call(f"commenting on #{number}",
                   lambda: self._rest.issues.create_comment(self.owner, self.name, number, body=body))

    def add_labels(self, number: int, labels: list[str]) -> None:
        self._call(f"labelling #{number}",
                   lambda: self._rest.issues.add_labels(self.owner, self.name, number, labels=labels))

    # -- errors -----------------------------------------------------------------------------------
    def _call(self, what: str, fn: Callable[[], Any]) -> Any:
        from githubkit.exception import (PrimaryRateLimitExceeded, RateLimitExceeded, RequestError,
                                         RequestFailed, RequestTimeout)

        try:
            return fn()
        except PrimaryRateLimitExceeded as exc:
            raise PrError(f"GitHub API rate limit exceeded while {what} in {self.repo}: it resets at "
                          f"{_reset_time(exc.response.headers, exc.retry_after)}; re-run after that") from None
        except RateLimitExceeded as exc:
            seconds = int(exc.retry_after.total_seconds())
            raise PrError(f"GitHub secondary rate limit hit while {what} in {self.repo}: retry after "
                          f"{seconds} s ({_reset_time(exc.response.headers, exc.retry_after)}); "
                          "re-run then, and run fewer repositories at once") from None
        except RequestFailed as exc:
            raise PrError(self._failed(what, exc.response.status_code, exc.response)) from None
        except RequestTimeout:
            raise PrError(f"the GitHub API at {self.api_url} did not answer within {self.timeout:g} s while "
                          f"{what} in {self.repo}; check --api-url and the network, then re-run") from None
        except RequestError as exc:
            reason = str(exc.exc) or type(exc.exc).__name__
            raise PrError(f"cannot reach the GitHub API at {self.api_url} while {what} in {self.repo} "
                          f"({reason}); check --api-url and the network") from None

    def _failed(self, what: str, status: int, response: Any) -> str:
        message, details = _error_text(response)
        said = f"{status} {message}".strip() + (f": {details}" if details else "")
        if status == 401:
            return (f"GitHub rejected the token ({said}) while {what} in {self.repo}: put a valid token "
                    f"in {self.token_env}")
        if status == 403:
            return (f"GitHub refused {what} in {self.repo} ({said}): give the token read and write access to "
                    "contents and pull requests (in GitHub Actions: the workflow's permissions, and the setting "
                    "that allows Actions to create pull requests)")
        if status == 404:
            return (f"repository {self.repo} not found at {self.api_url} ({said} while {what}), or the token "
                    "cannot see it: check --github-repo and the token's repository access")
        if status == 422:
            return (f"GitHub rejected {what} in {self.repo} ({said}); check that the base branch exists on "
                    "GitHub and that no other pull request uses the branch")
        if status >= 500:
            return f"GitHub API error while {what} in {self.repo} ({said}); re-run later"
        return f"GitHub answered {said} while {what} in {self.repo}"


def _error_text(response: Any) -> tuple[str, str]:
    """GitHub's ``message`` and the messages of its ``errors`` list (validation failures)."""
    try:
        data = response.json()
    except Exception:  # not JSON (a proxy's HTML page)
        return getattr(response.raw_response, "reason_phrase", "") or "", ""
    if not isinstance(data, dict):
        return "", ""
    details = []
    for err in data.get("errors") or []:
        if isinstance(err, dict):
            details.append(str(err.get("message") or " ".join(str(err.get(k, "")) for k in ("field", "code")).strip()))
        else:
            details.append(str(err))
    return str(data.get("message") or ""), "; ".join(d for d in details if d)


def _reset_time(headers: Any, retry_after: dt.timedelta) -> str:
    reset = headers.get("x-ratelimit-reset")
    now = dt.datetime.now(dt.timezone.utc)
    when = (dt.datetime.fromtimestamp(int(reset), dt.timezone.utc) if reset and reset.isdigit()
            else now + retry_after)
    minutes = max(0, round((when - now).total_seconds() / 60))
    return f"{when:%Y-%m-%d %H:%M:%S} UTC, in {minutes} min"
