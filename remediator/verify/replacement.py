"""Replacement risk: which resources a deployment of the changed app would replace or delete.

Three cases, each naming the resource (construct path, type, logical id) and the property:

* **create-only property changed** -- the resource type's CloudFormation schema lists the property
  in ``createOnlyProperties`` (CloudFormation can set it only when it creates the resource, so a new
  value means a new resource: a new bucket for a new ``BucketName``). The schemas are the resource
  provider schemas that cfn-lint bundles (``cfnlint/data/schemas``, read through its
  ``PROVIDER_SCHEMA_MANAGER``; ``pip install 'remediator[verify]'``): there is no hand-written
  list. A schema path is a JSON pointer below ``/properties``; nested paths
  (``/properties/RootDirectory/Path`` of ``AWS::EFS::AccessPoint``) are followed into the property's
  value and ``*`` matches every item of a list (or value of a map). A property counts only when its
  value differs between the two templates (a value that appears or disappears differs); when both a
  property and a property inside it are create-only and differ, the innermost one is named.
* **logical id removed** -- CloudFormation deletes the resource (or, with ``DeletionPolicy: Retain``,
  leaves it behind unmanaged). A construct id that was renamed shows up this way, with the resource
  of the same type added in the same stack named as the likely new id.
* **type changed** under the same logical id.

Types without a schema (custom resources use ``AWS::CloudFormation::CustomResource``'s) are checked
for removal and type changes only. Schemas are read for ``us-east-1`` (CDK apps are mostly
environment-agnostic; create-only lists do not differ between regions in practice). Updates whose
replacement depends on the value ("Replacement: conditional" in the CloudFormation docs) are not
predicted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator, Mapping

from remediator.verify.app import VerifyError
from remediator.verify.compare import StackDiff, cdk_path, resources

SCHEMA_REGION = "us-east-1"
INSTALL_HINT = "pip install 'remediator[verify]'"

#: reasons
CREATE_ONLY, REMOVED, TYPE_CHANGED = "create-only", "removed", "type-changed"


@dataclass(frozen=True)
class Replacement:
    stack: str
    logical_id: str
    type: str
    reason: str  #: ``create-only``, ``removed`` or ``type-changed``
    prop: str | None = None  #: the property: ``BucketName``, ``RootDirectory/Path``; ``Type`` for a type change
    path: str | None = None  #: construct path
    before: Any = None
    after: Any = None
    replaced_by: str | None = None  #: (removed) the resource of the same type added in the stack
    retained: bool = False  #: (removed) DeletionPolicy Retain: left behind, no longer managed

    @property
    def resource(self) -> str:
        return f"{self.stack}/{self.logical_id}"

    @property
    def message(self) -> str:
        name = f"{self.path or self.resource} ({self.type} {self.logical_id})"
        if self.reason == CREATE_ONLY:
            return (f"{name} would be replaced: {self.prop} is create-only and changes "
                    f"from {_show(self.before)} to {_show(self.after)}")
        if self.reason == TYPE_CHANGED:
            return f"{name} would be replaced: its type changes to {self.after}"
        fate = "left behind unmanaged (DeletionPolicy Retain)" if self.retained else "deleted"
        renamed = f"; {self.replaced_by} of the same type is added (construct id renamed?)" if self.replaced_by else ""
        return f"{name} would be {fate}: its logical id disappears{renamed}"

    def to_json(self) -> dict[str, Any]:
        return {"stack": self.stack, "logical_id": self.logical_id, "type": self.type, "reason": self.reason,
                "property": self.prop, "path": self.path, "before": _json_value(self.before),
                "after": _json_value(self.after), "before_set": self.before is not _MISSING,
                "after_set": self.after is not _MISSING,
                "replaced_by": self.replaced_by, "retained": self.retained, "message": self.message}


class _Missing:
    """A property that is not set (different from ``null``)."""

    def __repr__(self) -> str:
        return "(not set)"


_MISSING: Any = _Missing()


def _show(value: Any) -> str:
    if value is _MISSING:
        return "(not set)"
    text = json.dumps(value, sort_keys=True)
    return text if len(text) <= 80 else text[:77] + "..."


def _json_value(value: Any) -> Any:
    return None if value is _MISSING else value


def require_schemas() -> None:
    """Raise :class:`VerifyError` (``no-cfn-lint``) when cfn-lint's schemas cannot be read."""
    try:
        create_only_properties("AWS::S3::Bucket")
    except ImportError as exc:
        raise VerifyError(f"the replacement check needs cfn-lint's resource schemas ({exc}); "
                          f"install them with {INSTALL_HINT}", "no-cfn-lint") from None


@lru_cache(maxsize=None)
def create_only_properties(resource_type: str) -> tuple[tuple[str, ...], ...]:
    """The create-only property paths of a resource type, each split into its parts below
    ``/properties`` (``("RootDirectory", "Path")``); empty for an unknown type. Raises ImportError
    without cfn-lint."""
    from cfnlint.schema import PROVIDER_SCHEMA_MANAGER, ResourceNotFoundError

    try:
        schema = PROVIDER_SCHEMA_MANAGER.get_resource_schema(SCHEMA_REGION, resource_type).schema
    except ResourceNotFoundError:
        return ()
    out = []
    for pointer in schema.get("createOnlyProperties") or ():
        parts = pointer.split("/")
        if len(parts) >= 3 and parts[0] == "" and parts[1] == "properties":
            out.append(tuple(p.replace("~1", "/").replace("~0", "~") for p in parts[2:]))
    return tuple(out)


def values_at(value: Any, parts: tuple[str, ...], prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """(concrete path, value) for every place ``parts`` reaches in ``value``; ``*`` matches each list
    item (by index) or map value. Nothing where a key is absent."""
    if not parts:
        yield prefix, value
        return
    head, rest = parts[0], parts[1:]
    if head == "*":
        if isinstance(value, list):
            for i, item in enumerate(value):
                yield from values_at(item, rest, prefix + (str(i),))
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from values_at(item, rest, prefix + (key,))
        return
    if isinstance(value, dict) and head in value:
        yield from values_at(value[head], rest, prefix + (head,))


def changed_create_only(resource_type: str, old_props: Mapping[str, Any],
                        new_props: Mapping[str, Any]) -> list[tuple[str, Any, Any]]:
    """(property path, old value, new value) for each create-only property whose value differs,
    innermost paths only."""
    changed: dict[tuple[str, ...], tuple[Any, Any]] = {}
    for parts in create_only_properties(resource_type):
        old = dict(values_at(old_props, parts))
        new = dict(values_at(new_props, parts))
        for concrete in set(old) | set(new):
            a, b = old.get(concrete, _MISSING), new.get(concrete, _MISSING)
            if a is _MISSING and b is _MISSING:
                continue
            if a is _MISSING or b is _MISSING or a != b:
                changed[concrete] = (a, b)
    innermost = [p for p in changed if not any(q != p and q[:len(p)] == p for q in changed)]
    return [("/".join(p), *changed[p]) for p in sorted(innermost)]


def find_replacements(before: Mapping[str, Mapping[str, Any]], after: Mapping[str, Mapping[str, Any]],
                      stacks: list[StackDiff]) -> list[Replacement]:
    """Replacements a deployment of ``after`` over ``before`` would make, for stacks in both apps
    (a stack that is only in one app is created, or left alone by ``cdk deploy``)."""
    out: list[Replacement] = []
    for diff in stacks:
        if diff.status in ("added", "removed"):
            continue
        old = resources(before[diff.stack])
        new = resources(after[diff.stack])
        for gone in diff.removed:
            candidates = [r.logical_id for r in diff.added if r.type == gone.type]
            retained = old[gone.logical_id].get("DeletionPolicy") == "Retain"
            out.append(Replacement(diff.stack, gone.logical_id, gone.type, REMOVED, None, gone.path,
                                   replaced_by=candidates[0] if len(candidates) == 1 else None, retained=retained))
        for changed in diff.modified:
            a, b = old[changed.logical_id], new[changed.logical_id]
            path = cdk_path(a) or changed.path
            if a.get("Type") != b.get("Type"):
                out.append(Replacement(diff.stack, changed.logical_id, str(a.get("Type")), TYPE_CHANGED, "Type",
                                       path, a.get("Type"), b.get("Type")))
                continue
            for prop, old_value, new_value in changed_create_only(str(a.get("Type")), a.get("Properties") or {},
                                                                   b.get("Properties") or {}):
                out.append(Replacement(diff.stack, changed.logical_id, str(a.get("Type")), CREATE_ONLY, prop, path,
                                       old_value, new_value))
    return out
