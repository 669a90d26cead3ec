"""``python -m remediator.api``: show which API a run would use; ``bundle`` rebuilds the index
shipped in remediator/data/ from the installed aws-cdk-lib (must be the bundled version)."""

from __future__ import annotations

import os
import sys

from remediator.api import BUNDLED_FILE, BUNDLED_VERSION, build_data, describe_api_source, encode, locate


def main(argv: list[str]) -> int:
    if argv[:1] == ["bundle"]:
        assembly = locate.from_interpreter()
        if assembly is None or assembly.version != BUNDLED_VERSION:
            found = assembly.version if assembly else "none"
            print(f"need aws-cdk-lib {BUNDLED_VERSION} in this interpreter (found: {found})", file=sys.stderr)
            return 2
        out = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", BUNDLED_FILE)
        raw = encode(build_data(assembly), level=9)
        with open(out, "wb") as fh:
            fh.write(raw)
        print(f"wrote {out} ({len(raw)} bytes)")
        return 0
    print(describe_api_source(None, os.getcwd()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
