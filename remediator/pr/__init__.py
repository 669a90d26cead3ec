"""``remediator pr``: commit the fixes on a branch and open or update a pull request.

- :mod:`remediator.pr.git`     the git command line: remote refs, fetch, a temporary worktree, commit, push
- :mod:`remediator.pr.github`  the GitHub REST API through githubkit, and its errors as one-line messages
- :mod:`remediator.pr.body`    the pull request's title, body, fingerprint and hidden marker
- :mod:`remediator.pr.bot`     one run: fix the base in a temporary worktree, push, open/update/close
- :mod:`remediator.pr.command` the click command

The user's work tree and current branch are never touched: the fix is computed and committed in a
temporary worktree of the base commit. In the user's repository only objects are written, plus
the remote-tracking ref (``origin/remediator/main``) that the push updates as every push does.
"""

from __future__ import annotations

import re
from typing import Iterable


class PrError(Exception):
    """A failure the user can act on: one line naming the cause and what to do (exit status 2)."""


_URL_CREDENTIALS = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)[^/@\s]+@", re.IGNORECASE)


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` without the given secrets and without credentials written into URLs."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return _URL_CREDENTIALS.sub(lambda m: m.group("scheme") + "***@", text)
