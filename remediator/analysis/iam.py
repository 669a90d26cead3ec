"""IAM knowledge rules share: the AWS managed policies that exist.

The names come from ``remediator/data/aws-managed-policies.txt``, a snapshot shipped with the
package (its header names the source and the date; ``tools/refresh_managed_policies.py`` renews
it). Names are written as ``iam.ManagedPolicy.from_aws_managed_policy_name()`` takes them: the
policy's path and name, ``service-role/AWSLambdaBasicExecutionRole``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

DATA_FILE = "aws-managed-policies.txt"
#: policies of service-linked roles: IAM attaches them to those roles only
SERVICE_LINKED_PATH = "aws-service-role/"


@dataclass(frozen=True)
class ManagedPolicies:
    names: frozenset[str]
    source: str  #: the header's ``source:`` line
    snapshot: str  #: the header's ``snapshot:`` date

    def exists(self, name: str) -> bool:
        return name in self.names

    def attachable(self, name: str) -> bool:
        """A policy that a role, user or group of your own can have."""
        return name in self.names and not name.startswith(SERVICE_LINKED_PATH)

    def same_policy(self, name: str) -> list[str]:
        """Attachable policies whose name equals ``name``'s without regard to case or path
        (``AWSLambdaBasicExecutionRole`` -> ``service-role/AWSLambdaBasicExecutionRole``)."""
        wanted = name.rsplit("/", 1)[-1].lower()
        return sorted(n for n in self.names if n.rsplit("/", 1)[-1].lower() == wanted and self.attachable(n))

    def close(self, name: str, limit: int = 3) -> list[str]:
        """Attachable policies whose names are close to ``name``: ``name`` and a word more
        (``AmazonS3ReadOnly`` -> ``AmazonS3ReadOnlyAccess``), then typos."""
        by_short: dict[str, list[str]] = {}
        for n in self.names:
            if self.attachable(n):
                by_short.setdefault(n.rsplit("/", 1)[-1].lower(), []).append(n)
        wanted = name.rsplit("/", 1)[-1].lower()
        longer = sorted(s for s in by_short if len(wanted) >= 8 and s.startswith(wanted))
        typos = difflib.get_close_matches(wanted, list(by_short), n=limit, cutoff=0.85)
        shorts = list(dict.fromkeys(longer + typos))
        return [full for short in shorts for full in sorted(by_short[short])][:limit]


@lru_cache(maxsize=1)
def managed_policies() -> ManagedPolicies:
    """The shipped snapshot of AWS managed policy names (read once per process)."""
    text = resources.files("remediator").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
    header: dict[str, str] = {}
    names = set()
    for line in text.splitlines():
        if line.startswith("#"):
            key, _, value = line[1:].strip().partition(":")
            header[key.strip()] = value.strip()
        elif line.strip():
            names.add(line.strip())
    return ManagedPolicies(frozenset(names), header.get("source", ""), header.get("snapshot", "").split(" ")[0])
