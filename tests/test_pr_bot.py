"""`remediator pr` end to end: real git (a local bare repository as `origin`, a clone as the user's
work tree, another clone for people pushing), the installed command in a subprocess, and the GitHub
REST API served by tests/github_server.py, which records every request (see tests/pr_world.py).
"""

from __future__ import annotations

import socket

import pytest

from pr_world import BOT_EMAIL, PULLS, STACK, STACK_FIXED, TOKEN, World, assert_ok, git, show, world  # noqa: F401


# -- opening, re-running, rebuilding --------------------------------------------------------------------


def test_first_run_opens_a_pull_request_with_one_commit_on_the_base(world: World) -> None:
    before = world.snapshot()
    proc = world.pr()
    assert_ok(proc)
    assert proc.stdout.strip() == "opened pull request #1: https://github.example/acme/infra/pull/1"
    assert world.server.endpoints() == [("GET", PULLS), ("POST", PULLS)]
    listing = world.server.calls[0].query
    assert listing == {"state": "all", "head": "acme:remediator/main", "per_page": "100"}
    create = world.server.calls[1].body
    assert create["head"] == "remediator/main" and create["base"] == "main"
    assert create["title"] == "fix(cdk): remediate 1 finding (CDK301)"

    sha = world.remote_sha("remediator/main")
    main = world.remote_sha("main")
    assert git(world.bare, "rev-parse", f"{sha}^") == main
    assert git(world.bare, "rev-list", "--count", f"main..{sha}") == "1"
    assert git(world.bare, "log", "-1", "--format=%an <%ae>|%cn <%ce>|%s", sha) == (
        f"remediator <{BOT_EMAIL}>|remediator <{BOT_EMAIL}>|fix(cdk): remediate 1 finding (CDK301)")
    assert show(world, sha, "app/storage.py") == STACK_FIXED.rstrip("\n")
    assert "- Enable KMS key rotation on 1 key in app/storage.py (CDK301)" in show(world, sha, "CHANGELOG.md")
    assert sorted(git(world.bare, "diff", "--name-only", main, sha).splitlines()) == ["CHANGELOG.md", "app/storage.py"]

    body = create["body"]
    assert "| app/storage.py:8 | CDK301 kms-key-rotation | KMS key does not rotate its key material |" in body
    assert "| app/storage.py | +1 | −1 |" in body  # from the patch, through unidiff
    assert "- Enable KMS key rotation on 1 key in app/storage.py (CDK301)" in body
    assert "# remediator: ignore[CODE]" in body
    assert "<!-- remediator:meta fingerprint=" in body and "version=0.1.0" in body
    assert world.snapshot() == before  # work tree, current branch, refs, worktrees as they were


def test_rerun_with_the_same_fix_pushes_nothing_and_writes_nothing(world: World) -> None:
    assert_ok(world.pr())
    sha = world.remote_sha("remediator/main")
    world.server.reset_calls()
    proc = world.pr()
    assert_ok(proc)
    assert proc.stdout.strip() == "pull request #1 is up to date: https://github.example/acme/infra/pull/1"
    assert world.server.endpoints() == [("GET", PULLS)]  # one read, no write
    assert world.remote_sha("remediator/main") == sha


def test_base_moving_forward_rebuilds_the_branch_on_it(world: World) -> None:
    assert_ok(world.pr())
    old = world.remote_sha("remediator/main")
    body_before = world.server.pulls[1].body
    new_main = world.push_to_main({"docs/notes.md": "notes\n"}, "docs")
    world.server.reset_calls()
    proc = world.pr()
    assert_ok(proc)
    assert proc.stdout.strip().startswith("updated pull request #1")
    sha = world.remote_sha("remediator/main")
    assert sha != old and git(world.bare, "rev-parse", f"{sha}^") == new_main
    assert show(world, sha, "docs/notes.md") == "notes"
    # same fixes at the same lines: the body is unchanged, so it is not edited
    assert world.server.endpoints() == [("GET", PULLS)]
    assert world.server.pulls[1].body == body_before

    # a line added above the key moves the finding: the body changes and is edited, the title is not
    world.push_to_main({"app/storage.py": "# storage\n" + STACK}, "comment")
    world.server.reset_calls()
    assert_ok(world.pr())
    assert world.server.endpoints() == [("GET", PULLS), ("PATCH", PULLS + "/1")]
    assert set(world.server.calls[1].body) == {"body"}
    assert "| app/storage.py:9 |" in world.server.pulls[1].body
    fingerprint = body_before.split("fingerprint=")[1].split()[0]
    assert f"fingerprint={fingerprint}" in world.server.pulls[1].body  # the same fix set


def test_a_person_committing_on_the_branch_stops_force_pushes_with_one_comment(world: World) -> None:
    assert_ok(world.pr())
    git(world.other, "fetch", "-q", "origin")
    git(world.other, "checkout", "-q", "-b", "mine", "origin/remediator/main")
    (world.other / "app" / "extra.py").write_text("X = 1\n")
    git(world.other, "add", "-A")
    git(world.other, "commit", "-q", "-m", "my change")
    git(world.other, "push", "-q", "origin", "mine:remediator/main")
    human = world.remote_sha("remediator/main")
    world.push_to_main({"docs/notes.md": "notes\n"}, "base moves")  # would normally trigger a rebuild

    for run in range(2):
        world.server.reset_calls()
        proc = world.pr()
        assert_ok(proc)
        assert "has commits by someone else" in proc.stdout and "Jane Doe" in proc.stdout
        assert world.remote_sha("remediator/main") == human  # no force-push
        comments = ("GET", PULLS.replace("pulls", "issues") + "/1/comments")
        expected = [("GET", PULLS), comments] + ([("POST", comments[1])] if run == 0 else [])
        assert world.server.endpoints() == expected
    assert len(world.server.pulls[1].comments) == 1
    assert "tick the box" in world.server.pulls[1].comments[0]["body"]

    # ticking the rebuild box lets remediator rebuild the branch from the base, and the box is cleared
    pull = world.server.pulls[1]
    world.server.set_body(1, pull.body.replace("- [ ] <!-- remediator:rebuild -->", "- [x] <!-- remediator:rebuild -->"))
    world.server.reset_calls()
    assert_ok(world.pr())
    sha = world.remote_sha("remediator/main")
    assert sha != human and git(world.bare, "rev-parse", f"{sha}^") == world.remote_sha("main")
    assert world.server.endpoints() == [("GET", PULLS), ("PATCH", PULLS + "/1")]
    assert "- [ ] <!-- remediator:rebuild -->" in world.server.pulls[1].body


def test_nothing_left_to_fix_closes_the_pull_request_and_deletes_the_branch(world: World) -> None:
    assert_ok(world.pr())
    world.push_to_main({"app/storage.py": STACK_FIXED}, "rotate the key by hand")
    world.server.reset_calls()
    proc = world.pr()
    assert_ok(proc)
    assert proc.stdout.strip() == "nothing to fix on main: closed pull request #1 and deleted branch remediator/main"
    comments = PULLS.replace("pulls", "issues") + "/1/comments"
    assert world.server.endpoints() == [("GET", PULLS), ("GET", comments), ("POST", comments),
                                        ("PATCH", PULLS + "/1")]
    assert world.server.calls[3].body["state"] == "closed"
    assert world.server.pulls[1].state == "closed"
    assert "nothing left to fix" in world.server.pulls[1].comments[0]["body"]
    assert world.remote_sha("remediator/main") is None

    # then: no branch, no pull request, and not a single request
    world.server.reset_calls()
    proc = world.pr()
    assert_ok(proc)
    assert proc.stdout.strip() == "nothing to fix on main"
    assert world.server.calls == []

    # the same findings coming back (a revert) get a new pull request: #1 was closed by remediator itself
    world.push_to_main({"app/storage.py": STACK}, "revert")
    world.server.reset_calls()
    proc = world.pr()
    assert_ok(proc)
    assert proc.stdout.startswith("opened pull request #2")


def test_nothing_to_fix_and_no_branch_makes_no_request(world: World) -> None:
    world.push_to_main({"app/storage.py": STACK_FIXED}, "rotate")
    git(world.work, "pull", "-q", "--ff-only")
    before = world.snapshot()
    proc = world.pr()
    assert_ok(proc)
    assert proc.stdout.strip() == "nothing to fix on main"
    assert world.server.calls == []
    assert world.remote_sha("remediator/main") is None
    assert world.snapshot() == before


def test_a_pull_request_closed_unmerged_is_not_reopened_for_the_same_fixes(world: World) -> None:
    assert_ok(world.pr())
    sha = world.remote_sha("remediator/main")
    world.server.close_as_person(1)
    world.push_to_main({"docs/notes.md": "notes\n"}, "unrelated")  # base moves: same fix set
    world.server.reset_calls()
    proc = world.pr()
    assert_ok(proc)
    assert proc.stdout.strip().startswith("pull request #1 with these fixes was closed without merging: not reopened")
    assert world.server.endpoints() == [("GET", PULLS)]
    assert world.remote_sha("remediator/main") == sha

    # another finding changes the fix set: a new pull request
    world.push_to_main({"app/storage.py": STACK + '        self.log_key = kms.Key(self, "LogKey")\n'}, "log key")
    world.server.reset_calls()
    proc = world.pr()
    assert_ok(proc)
    assert proc.stdout.startswith("opened pull request #2")
    assert world.server.endpoints() == [("GET", PULLS), ("POST", PULLS)]
    assert world.server.calls[1].body["title"] == "fix(cdk): remediate 2 findings (CDK301)"


def test_labels_are_added_once_and_never_added_back_or_removed(world: World) -> None:
    proc = world.pr("--label", "security", "--label", "remediator")
    assert_ok(proc)
    labels = PULLS.replace("pulls", "issues") + "/1/labels"
    assert world.server.endpoints() == [("GET", PULLS), ("POST", PULLS), ("POST", labels), ("PATCH", PULLS + "/1")]
    assert world.server.calls[2].body == {"labels": ["security", "remediator"]}
    assert world.server.pulls[1].labels == ["security", "remediator"]
    assert "labels=security,remediator" in world.server.pulls[1].body

    # a person removes one label and adds their own: neither is undone
    world.server.remove_label(1, "remediator")
    world.server.pulls[1].labels.append("needs-review")
    world.server.reset_calls()
    assert_ok(world.pr("--label", "security", "--label", "remediator"))
    assert world.server.endpoints() == [("GET", PULLS)]
    assert world.server.pulls[1].labels == ["security", "needs-review"]

    # a label newly asked for is added
    world.server.reset_calls()
    assert_ok(world.pr("--label", "security", "--label", "remediator", "--label", "cdk"))
    assert world.server.endpoints() == [("GET", PULLS), ("POST", labels), ("PATCH", PULLS + "/1")]
    assert world.server.calls[1].body == {"labels": ["cdk"]}


# -- dry run, dirty tree -----------------------------------------------------------------------------


def test_dry_run_prints_branch_message_and_body_and_changes_nothing(world: World) -> None:
    before = world.snapshot()
    bare_refs = git(world.bare, "for-each-ref")
    proc = world.pr("--dry-run", token=None)
    assert_ok(proc)
    assert proc.stdout.startswith("branch: remediator/main\ncommit: fix(cdk): remediate 1 finding (CDK301)\n")
    assert "| app/storage.py:8 | CDK301 kms-key-rotation |" in proc.stdout
    assert "<!-- remediator:meta fingerprint=" in proc.stdout
    assert world.server.calls == []
    assert git(world.bare, "for-each-ref") == bare_refs
    assert world.snapshot() == before


def test_a_dirty_work_tree_is_refused_unless_allowed(world: World) -> None:
    (world.work / "app" / "storage.py").write_text(STACK + "# wip\n")
    before = world.snapshot()
    proc = world.pr()
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "uncommitted changes (app/storage.py)" in proc.stderr
    assert "--allow-dirty" in proc.stderr
    assert world.server.calls == [] and world.remote_sha("remediator/main") is None
    assert world.snapshot() == before

    proc = world.pr("--allow-dirty")  # the pull request is built from the base, not from the work tree
    assert_ok(proc)
    assert show(world, "remediator/main", "app/storage.py") == STACK_FIXED.rstrip("\n")
    assert world.snapshot() == before


# -- failures --------------------------------------------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _reject_pushes(world: World) -> None:
    hook = world.bare / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'branch remediator/main is protected' >&2\nexit 1\n")
    hook.chmod(0o755)


FAILURES = {
    "missing token": (dict(token=None), None, "no GitHub token: set GITHUB_TOKEN"),
    "empty token": (dict(token=""), None, "no GitHub token"),
    "rejected token": (dict(token="ghs_wrongTokenValue999"), None, "GitHub rejected the token (401 Bad credentials)"),
    "no such repository": (dict(github_repo="acme/nope"), None, "repository acme/nope not found at"),
    "no such base branch": (dict(args=("--base", "develop")), None,
                            "base branch 'develop' does not exist on remote 'origin'"),
    "no such remote": (dict(args=("--remote", "upstream")), None, "no git remote named 'upstream'"),
    "push refused": (dict(), _reject_pushes, "push of remediator/main to 'origin' refused"),
    "403": (dict(), lambda w: w.server.fail("GET", PULLS, 403, "Resource not accessible by integration"),
            "GitHub refused listing the pull requests in acme/infra (403 Resource not accessible by integration)"),
    "404": (dict(), lambda w: w.server.fail("GET", PULLS, 404, "Not Found"), "repository acme/infra not found"),
    "422": (dict(), lambda w: w.server.fail("POST", PULLS, 422, "Validation Failed", errors=[
        {"resource": "PullRequest", "code": "custom", "message": "No commits between main and remediator/main"}]),
        "GitHub rejected opening the pull request in acme/infra (422 Validation Failed: No commits between main"),
    "rate limit": (dict(), lambda w: w.server.fail("GET", PULLS, 403, "API rate limit exceeded for installation.",
                                                   headers={"x-ratelimit-limit": "5000", "x-ratelimit-remaining": "0",
                                                            "x-ratelimit-used": "5000", "x-ratelimit-resource": "core",
                                                            "x-ratelimit-reset": "4102444800"}),
                   "GitHub API rate limit exceeded while listing the pull requests in acme/infra: it resets at "
                   "2100-01-01 00:00:00 UTC"),
    "secondary rate limit": (dict(), lambda w: w.server.fail("GET", PULLS, 429, "You have exceeded a secondary rate "
                                                             "limit.", headers={"retry-after": "60"}),
                             "GitHub secondary rate limit hit while listing the pull requests in acme/infra: "
                             "retry after 60 s"),
    "server error": (dict(), lambda w: w.server.fail("GET", PULLS, 502, "Server Error"), "GitHub API error"),
    "unreachable API": (dict(api_url="closed"), None, "cannot reach the GitHub API at http://127.0.0.1:"),
    "unparsable stack on the base": (dict(), lambda w: w.push_to_main(
        {"app/broken.py": "from aws_cdk import Stack\ndef broken(:\n"}, "broken"),
        "1 input(s) of main could not be fixed: app/broken.py: "),
    "invalid configuration": (dict(), lambda w: w.push_to_main(
        {"pyproject.toml": '[tool.remediator]\nselect = ["CDK301"]\nunknown-key = 1\n'}, "bad config"),
        "unknown-key"),
}


@pytest.mark.parametrize("case", list(FAILURES))
def test_failures_give_one_line_exit_2_and_leave_everything_as_it_was(world: World, case: str) -> None:
    kwargs, setup, message = FAILURES[case]
    kwargs = dict(kwargs)
    args = kwargs.pop("args", ())
    if kwargs.get("api_url") == "closed":
        kwargs["api_url"] = f"http://127.0.0.1:{_closed_port()}"
    if setup:
        setup(world)
    before = world.snapshot()
    bare_refs = git(world.bare, "for-each-ref")
    proc = world.pr(*args, **kwargs)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stdout == ""
    assert proc.stderr.startswith("error: ") and proc.stderr.count("\n") == 1, proc.stderr
    assert message in proc.stderr
    for secret in (TOKEN, "ghs_wrongTokenValue999"):
        assert secret not in proc.stderr
    assert world.snapshot() == before
    if case != "422":  # the 422 came after the push: the branch is there for the next run
        assert git(world.bare, "for-each-ref") == bare_refs


def test_credentials_in_a_remote_url_never_appear(world: World) -> None:
    port = _closed_port()
    git(world.work, "remote", "set-url", "origin", f"http://x-access-token:{TOKEN}@127.0.0.1:{port}/acme/infra.git")
    proc = world.pr(github_repo=None)
    assert proc.returncode == 2
    assert "cannot read remote 'origin'" in proc.stderr and proc.stderr.count("\n") == 1
    assert TOKEN not in proc.stdout + proc.stderr
    assert world.server.calls == []


def test_a_rerun_after_a_failure_between_push_and_pull_request_opens_it(world: World) -> None:
    world.server.fail("POST", PULLS, 502, "Server Error")
    proc = world.pr()
    assert proc.returncode == 2
    assert "(pushed remediator/main; re-run to finish)" in proc.stderr
    sha = world.remote_sha("remediator/main")
    assert sha is not None

    world.server.reset_calls()
    proc = world.pr()
    assert_ok(proc)
    assert proc.stdout.startswith("opened pull request #1")
    assert world.server.endpoints() == [("GET", PULLS), ("POST", PULLS)]
    assert world.remote_sha("remediator/main") == sha  # not pushed again


def test_repository_is_read_from_the_remote_url(world: World) -> None:
    world.github_origin()
    proc = world.pr(github_repo=None)
    assert_ok(proc)
    assert world.server.endpoints() == [("GET", PULLS), ("POST", PULLS)]


def test_shallow_clone_like_ci_checkouts(world: World) -> None:
    assert_ok(world.pr())
    world.push_to_main({"docs/notes.md": "notes\n"}, "base moves")
    shallow = world.tmp / "shallow"
    git(world.tmp, "clone", "-q", "--depth", "1", f"file://{world.bare}", str(shallow))
    world.server.reset_calls()
    proc = world.pr(cwd=shallow)
    assert_ok(proc)
    sha = world.remote_sha("remediator/main")
    assert git(world.bare, "rev-parse", f"{sha}^") == world.remote_sha("main")
    assert world.server.endpoints() == [("GET", PULLS)]
