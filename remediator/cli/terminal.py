"""Colour and progress on the terminal, with click's own facilities.

Colour: ``click.echo`` keeps ``click.style`` codes only on a terminal; ``NO_COLOR`` (any value)
turns them off everywhere and ``FORCE_COLOR`` on, as https://no-color.org asks.

Progress: a ``click.progressbar`` on stderr, only when stderr is a terminal, and only once a run
has taken more than a second (``REMEDIATOR_PROGRESS_DELAY`` seconds): short runs print nothing.
Commands never show it for ``--diff`` or machine formats.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

import click

PROGRESS_DELAY = 1.0


def color_setting() -> bool | None:
    """False with ``NO_COLOR``, True with ``FORCE_COLOR``, else None (colour on terminals only)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return None


class Progress:
    """The runner's progress callback: ``progress(done, total)``."""

    def __init__(self, label: str, enabled: bool = True) -> None:
        self.label = label
        self.enabled = enabled and sys.stderr.isatty()
        self.started = time.monotonic()
        try:
            self.delay = float(os.environ.get("REMEDIATOR_PROGRESS_DELAY", PROGRESS_DELAY))
        except ValueError:
            self.delay = PROGRESS_DELAY
        self._bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self._bar is None:
            if done >= total or time.monotonic() - self.started < self.delay:
                return
            self._bar = click.progressbar(length=total, label=self.label, file=sys.stderr, show_pos=True,
                                          show_percent=False, show_eta=False)
            self._bar.__enter__()
        self._bar.update(done - self._bar.pos)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None
