"""Draw docs/fix-diff.svg, the README's picture: the real output of `remediator fix --diff` on one
stack of the bundled example, coloured as a terminal shows it.

    .venv/bin/python docs/make_picture.py          # rewrite docs/fix-diff.svg
    .venv/bin/python docs/make_picture.py --check  # exit 1 when the picture is out of date

tests/test_readme.py fails when the picture no longer matches what remediator prints.
"""

from __future__ import annotations

import os
import subprocess
import sys
from html import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PICTURE = os.path.join(ROOT, "docs", "fix-diff.svg")
# the rules are named, so that rules added later change the picture only when they change these lines
COMMAND = ["fix", "--diff", "--no-changelog", "--select", "CDK302,CDK303,CDK304",
           "examples/insecure_app/stacks/storage_stack.py"]

FONT, LINE, CHAR, PAD = 14, 20, 8.6, 16
COLOURS = {"+": "#7ee787", "-": "#ff7b72", "@": "#79c0ff", "$": "#e6edf3", "h": "#d2a8ff", " ": "#c9d1d9"}


def diff_output() -> str:
    """What `remediator fix --diff ...` prints at the repository root."""
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run([sys.executable, "-m", "remediator", *COMMAND], cwd=ROOT, capture_output=True,
                          text=True, env=env, timeout=300)
    if proc.returncode != 1 or not proc.stdout.startswith("diff --git "):
        raise SystemExit(f"remediator fix --diff did not give a diff (exit {proc.returncode}): {proc.stderr}")
    return proc.stdout


def render(diff: str) -> str:
    """The picture (SVG text) of a prompt line and the diff."""
    lines = ["$ remediator " + " ".join(COMMAND), *diff.rstrip("\n").split("\n")]
    width = int(PAD * 2 + CHAR * max(len(line) for line in lines))
    height = PAD * 2 + LINE * len(lines)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" role="img" aria-label="remediator fix --diff output">',
           f'<rect width="{width}" height="{height}" rx="8" fill="#0d1117"/>',
           f'<g font-family="ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" font-size="{FONT}" '
           'xml:space="preserve">']
    for i, line in enumerate(lines):
        if line.startswith(("diff --git", "index ", "--- ", "+++ ")):
            kind = "h"
        else:
            kind = line[:1] if line[:1] in COLOURS else " "
        weight = ' font-weight="bold"' if kind in "h$" else ""
        y = PAD + LINE * i + FONT
        out.append(f'<text x="{PAD}" y="{y}" fill="{COLOURS[kind]}"{weight}>{escape(line)}</text>')
    out += ["</g>", "</svg>"]
    return "\n".join(out) + "\n"


def main() -> int:
    picture = render(diff_output())
    if "--check" in sys.argv[1:]:
        with open(PICTURE, encoding="utf-8") as fh:
            return 0 if fh.read() == picture else 1
    with open(PICTURE, "w", encoding="utf-8") as fh:
        fh.write(picture)
    return 0


if __name__ == "__main__":
    sys.exit(main())
