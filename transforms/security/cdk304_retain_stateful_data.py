from __future__ import annotations

import json
from typing import Iterator

import libcst as cst

from remediator.analysis import edits as E
from remediator.analysis.cdk_facts import RETAIN_TYPES, SNAPSHOT_TYPES, is_environment_lookup
from remediator.analysis.context import ConstructCall, FileContext, literal_value
from remediator.analysis.rule import Edit, Finding, Fix, Rule, Tier

DESTROY = "aws_cdk.RemovalPolicy.DESTROY"

BUCKETS = ("aws_cdk.aws_s3.Bucket",)
#: ElastiCache engines that can take a final snapshot (memcached cannot)
SNAPSHOT_ENGINES = ("redis", "valkey")


class RetainStatefulData(Rule):
    """
    ## What it does
    Finds stateful resources that are deleted together with their stack:
    `removal_policy=RemovalPolicy.DESTROY` on a bucket, table, key, secret, log group, user
    pool, file system, database, cache or volume, and `x.apply_removal_policy(RemovalPolicy.DESTROY)`
    where `x` was built from one of those constructs (L2 or L1 `Cfn*`) in the same scope.

    ## Why is this bad?
    `DESTROY` turns a stack deletion, a renamed construct id or a replaced resource into
    permanent data loss: the bucket's objects, the table's items, the database and every
    ciphertext encrypted under the key are gone.

    ## Example
    ```python
    table = dynamodb.Table(self, "Orders", partition_key=key, removal_policy=RemovalPolicy.DESTROY)
    db = rds.DatabaseInstance(self, "Db", engine=engine, vpc=vpc, removal_policy=RemovalPolicy.DESTROY)
    ```
    Use instead:
    ```python
    table = dynamodb.Table(self, "Orders", partition_key=key, removal_policy=RemovalPolicy.RETAIN)
    db = rds.DatabaseInstance(self, "Db", engine=engine, vpc=vpc, removal_policy=RemovalPolicy.SNAPSHOT)
    ```

    ## Fix safety
    Safe: changing a removal policy only changes the `DeletionPolicy`/`UpdateReplacePolicy`
    attributes, never the resource itself. Buckets, tables, keys, secrets, log groups, user
    pools and file systems get `RETAIN`; RDS, DocumentDB, Neptune, ElastiCache (Redis/Valkey),
    Redshift and EBS volumes get `SNAPSHOT` (aws-cdk-lib rejects `SNAPSHOT` on other
    resources). A bucket that goes to `RETAIN` also loses `auto_delete_objects=True`, which
    synth rejects together with `RETAIN`. Retained resources stay behind when the stack is
    deleted and must be removed by hand. Conditional policies (`DESTROY if dev else RETAIN`),
    policies held in variables, read replicas, DB instances inside a cluster, memcached
    clusters and buckets built with a `**kwargs` spread are left alone, and so is
    `x.apply_removal_policy(...)` when `x` is also a parameter or loop variable of the function.

    ## Options
    `keep-destroy-in-dev = true` (under `[tool.remediator.rules.CDK304]`): when an earlier
    statement of the same function bound a name to `self.node.try_get_context("env")` (or
    `"stage"`, `"environment"`...; `or "dev"` allowed), write
    `RemovalPolicy.RETAIN if env_name == "prod" else RemovalPolicy.DESTROY` instead, and keep
    `auto_delete_objects` as `env_name != "prod"`. The production name is
    `production-environment` (default `"prod"`). Without such a name the fix is plain `RETAIN`.
    """

    code, name, tier = "CDK304", "retain-stateful-data", Tier.SAFE
    summary = "Stateful resources must not be destroyed with their stack"
    targets = tuple(sorted(q for q in RETAIN_TYPES | SNAPSHOT_TYPES if not q.rsplit(".", 1)[-1].startswith("Cfn")))
    triggers = ("DESTROY",)
    options = {"keep-destroy-in-dev": False, "production-environment": "prod"}
    changelog = "Retain the data of {count} stateful {noun} on stack deletion"
    noun = ("resource", "resources")

    # -- removal_policy=RemovalPolicy.DESTROY ---------------------------------------------------
    def check(self, call: ConstructCall) -> Iterator[Finding]:
        value = call.value("removal_policy")
        if value is None or call.ctx.qualname(value) != DESTROY:
            return
        yield from self._report(call.ctx, call.node, value, call.node, call.qualname)

    # -- x.apply_removal_policy(RemovalPolicy.DESTROY) ------------------------------------------
    def check_module(self, ctx: FileContext) -> Iterator[Finding]:
        for node, receiver in ctx.method_calls("apply_removal_policy"):
            value = _policy_arg(node)
            if value is None or ctx.qualname(value) != DESTROY:
                continue
            built = _built_by(ctx, receiver, node)
            if built is not None:
                yield from self._report(ctx, node, value, *built)

    def _report(self, ctx: FileContext, at: cst.Call, value: cst.BaseExpression, construct: cst.Call,
                qualname: str) -> Iterator[Finding]:
        """``value`` (a DESTROY) at call ``at`` applies to ``construct`` of type ``qualname``."""
        policy = self._policy_for(ctx, construct, qualname)
        if policy is None:
            return
        message = _message(qualname.rsplit(".", 1)[-1], policy)
        bucket = qualname in BUCKETS
        if bucket and any(a.star == "**" for a in construct.args):
            # auto_delete_objects may arrive through the spread: RETAIN would then fail synth
            yield self.finding(at, message + " (not fixed: **kwargs may set auto_delete_objects)")
            return
        env = self._environment(ctx, at) if self.settings.get("keep-destroy-in-dev") else None
        auto_delete = bucket and _auto_delete(construct)
        if env is None:
            edits = [_rename_member(value, policy)]
            if auto_delete:
                edits.append(Edit(construct, replace=lambda n: E.remove_keyword(n, "auto_delete_objects")))
        else:
            prod = json.dumps(self.settings.get("production-environment") or "prod")
            spelled = ctx.module.code_for_node(value.value) if isinstance(value, cst.Attribute) else None
            if spelled is None:
                return
            edits = [Edit(value, replace=_expression(f"{spelled}.{policy} if {env} == {prod} else {spelled}.DESTROY"))]
            if auto_delete:
                condition = cst.parse_expression(f"{env} != {prod}")
                edits.append(Edit(construct, replace=lambda n: E.set_keyword(n, "auto_delete_objects", condition)))
        yield self.finding(at, message, fix=Fix(edits))

    @staticmethod
    def _environment(ctx: FileContext, at: cst.CSTNode) -> str | None:
        """The name (``env_name`` or ``self.stage``) that an earlier statement of the same function
        bound to ``self.node.try_get_context("env")`` (optionally ``or "dev"``), if exactly one."""
        scope = ctx.scope_of(at)
        if not isinstance(scope, cst.FunctionDef):
            return None
        line = ctx.position(at)[0]
        names = {b.target for b in ctx.assignments
                 if is_environment_lookup(b.value) and ctx.scope_of(b.statement) is scope
                 and ctx.position(b.statement)[0] < line}
        return names.pop() if len(names) == 1 else None

    @staticmethod
    def _policy_for(ctx: FileContext, construct: cst.Call, qualname: str) -> str | None:
        if qualname in RETAIN_TYPES:
            return "RETAIN"
        if qualname not in SNAPSHOT_TYPES:
            return None
        if qualname == "aws_cdk.aws_rds.CfnDBInstance" and E.get_keyword(construct, "db_cluster_identifier"):
            return None  # the cluster holds the data; CloudFormation cannot snapshot a member instance
        if qualname == "aws_cdk.aws_rds.CfnDBInstance" and any(
                E.get_keyword(construct, k) for k in ("source_db_instance_identifier", "source_db_cluster_identifier")):
            return None  # a read replica: RDS takes no final snapshot of it
        if qualname == "aws_cdk.aws_elasticache.CfnCacheCluster":
            engine = E.get_keyword(construct, "engine")
            if engine is None or str(literal_value(engine.value)).lower() not in SNAPSHOT_ENGINES:
                return None
        return "SNAPSHOT"


def _message(class_name: str, policy: str) -> str:
    return f"{class_name} is destroyed with its stack (RemovalPolicy.DESTROY): use RemovalPolicy.{policy}"


def _expression(code: str):
    expr = cst.parse_expression(code)
    return lambda node: expr


def _rename_member(value: cst.BaseExpression, policy: str) -> Edit:
    """``<spelling>.RemovalPolicy.DESTROY`` -> ``<same spelling>.RemovalPolicy.<policy>``."""
    def replace(node: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(node, cst.Attribute)
        return node.with_changes(attr=cst.Name(policy))

    return Edit(value, replace=replace)


def _auto_delete(call: cst.Call) -> bool:
    arg = E.get_keyword(call, "auto_delete_objects")
    if arg is None:
        return False
    return literal_value(arg.value) is not False  # True, or a value that may be True


def _policy_arg(call: cst.Call) -> cst.BaseExpression | None:
    arg = E.get_keyword(call, "policy")
    if arg is not None:
        return arg.value
    positional = [a for a in call.args if a.keyword is None and not a.star]
    return positional[0].value if positional else None


def _built_by(ctx: FileContext, receiver: cst.BaseExpression, at: cst.CSTNode) -> tuple[cst.Call, str] | None:
    """The construct call ``receiver`` was assigned from (one assignment in scope), and its type."""
    if isinstance(receiver, cst.Call):
        q = ctx.call_qualname(receiver)
        return (receiver, q) if q is not None else None
    qualname = ctx.constructed_type(receiver, at)
    if qualname is None:
        return None
    if isinstance(receiver, cst.Name) and ctx.scopes.rebound_at(receiver):
        return None  # a loop variable or parameter of the same name may hold another construct
    calls = [v for v in ctx.assigned_values(receiver, at) if isinstance(v, cst.Call)]
    if len(calls) != 1:
        return None
    return calls[0], qualname
