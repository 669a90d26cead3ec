"""Compare two synthesized apps: per stack, the resources added, removed and modified.

Templates are compared by logical id. A resource is *modified* when anything CloudFormation deploys
differs: its type, ``Properties``, ``DeletionPolicy``, ``UpdateReplacePolicy``, ``DependsOn``,
``Condition``, ``UpdatePolicy``, ``CreationPolicy``. ``Metadata`` (the construct path, asset paths,
cdk-nag suppressions) deploys nothing and is ignored, and so is the ``AWS::CDK::Metadata`` resource
(version reporting: a compressed list of the construct types in use). The construct path
(``aws:cdk:path``) is kept to name each resource the way the app's code does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

IGNORED_TYPES = frozenset({"AWS::CDK::Metadata"})
#: resource attributes compared besides the type and the properties
ATTRIBUTES = ("DeletionPolicy", "UpdateReplacePolicy", "DependsOn", "Condition", "UpdatePolicy", "CreationPolicy")


@dataclass(frozen=True)
class ResourceRef:
    logical_id: str
    type: str
    path: str | None = None  #: the construct path (``OrdersStorage/Uploads/Resource``) when known

    @property
    def label(self) -> str:
        return f"{self.path or self.logical_id} ({self.type} {self.logical_id})"

    def to_json(self) -> dict[str, Any]:
        return {"logical_id": self.logical_id, "type": self.type, "path": self.path}


@dataclass(frozen=True)
class ResourceChange(ResourceRef):
    #: what differs: ``Type``, ``Properties.EnableKeyRotation``, ``DeletionPolicy`` ...
    changes: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {**super().to_json(), "changes": list(self.changes)}


@dataclass
class StackDiff:
    stack: str
    status: str  #: ``added``, ``removed``, ``changed`` or ``unchanged``
    added: list[ResourceRef] = field(default_factory=list)
    removed: list[ResourceRef] = field(default_factory=list)
    modified: list[ResourceChange] = field(default_factory=list)

    @property
    def counts(self) -> tuple[int, int, int]:
        return len(self.added), len(self.removed), len(self.modified)

    def to_json(self) -> dict[str, Any]:
        return {"stack": self.stack, "status": self.status,
                "counts": dict(zip(("added", "removed", "modified"), self.counts)),
                "added": [r.to_json() for r in self.added], "removed": [r.to_json() for r in self.removed],
                "modified": [r.to_json() for r in self.modified]}


def resources(template: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The template's resources that deploy something (``AWS::CDK::Metadata`` left out)."""
    out = {}
    for logical_id, resource in (template.get("Resources") or {}).items():
        if isinstance(resource, dict) and resource.get("Type") not in IGNORED_TYPES:
            out[logical_id] = resource
    return out


def cdk_path(resource: Mapping[str, Any]) -> str | None:
    metadata = resource.get("Metadata")
    path = metadata.get("aws:cdk:path") if isinstance(metadata, dict) else None
    return path if isinstance(path, str) else None


def ref(logical_id: str, resource: Mapping[str, Any]) -> ResourceRef:
    return ResourceRef(logical_id, str(resource.get("Type")), cdk_path(resource))


def resource_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[str, ...]:
    """What differs between two definitions of one logical id (empty: nothing CloudFormation sees)."""
    changes: list[str] = []
    if old.get("Type") != new.get("Type"):
        changes.append("Type")
    old_props, new_props = old.get("Properties") or {}, new.get("Properties") or {}
    for name in sorted(set(old_props) | set(new_props)):
        if old_props.get(name, _MISSING) != new_props.get(name, _MISSING):
            changes.append(f"Properties.{name}")
    for attribute in ATTRIBUTES:
        if old.get(attribute, _MISSING) != new.get(attribute, _MISSING):
            changes.append(attribute)
    return tuple(changes)


_MISSING = object()


def diff_stack(stack: str, before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> StackDiff:
    old = resources(before or {})
    new = resources(after or {})
    status = "added" if before is None else "removed" if after is None else "changed"
    diff = StackDiff(stack, status)
    diff.added = [ref(lid, new[lid]) for lid in sorted(set(new) - set(old))]
    diff.removed = [ref(lid, old[lid]) for lid in sorted(set(old) - set(new))]
    for lid in sorted(set(old) & set(new)):
        changes = resource_changes(old[lid], new[lid])
        if changes:
            r = ref(lid, new[lid])
            diff.modified.append(ResourceChange(r.logical_id, r.type, r.path, changes))
    if status == "changed" and not (diff.added or diff.removed or diff.modified):
        diff.status = "unchanged"
    return diff


def diff_templates(before: Mapping[str, Mapping[str, Any]],
                   after: Mapping[str, Mapping[str, Any]]) -> list[StackDiff]:
    """One :class:`StackDiff` per stack of either app (stack display names, sorted)."""
    return [diff_stack(name, before.get(name), after.get(name)) for name in sorted(set(before) | set(after))]
