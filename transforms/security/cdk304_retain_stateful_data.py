from __future__ import annotations

import json
import re
from typing import Iterator

import libcst as cst

from remediator.analysis import edits as E
from remediator.analysis.cdk_facts import (
    DISPOSABLE_ENVIRONMENTS,
    RETAIN_TYPES,
    SNAPSHOT_TYPES,
    environment_reference,
    is_environment_key,
    mentions_environment,
    physical_name,
    states_teardown_intent,
)
from remediator.analysis.comments import comments_near, docstrings_around, drop_keyword_comments, drop_statement_comments
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
    dynamodb.Table(self, "Orders", partition_key=key, removal_policy=RemovalPolicy.DESTROY)
    rds.DatabaseInstance(self, "Db", engine=eng, vpc=vpc, removal_policy=RemovalPolicy.DESTROY)
    ```
    Use instead:
    ```python
    dynamodb.Table(self, "Orders", partition_key=key, removal_policy=RemovalPolicy.RETAIN)
    rds.DatabaseInstance(self, "Db", engine=eng, vpc=vpc, removal_policy=RemovalPolicy.SNAPSHOT)
    ```

    ## Fix safety
    Changing a removal policy changes only the `DeletionPolicy`/`UpdateReplacePolicy` attributes,
    never the resource itself; what it changes is the data's lifetime, so the fix follows what the
    code says it intends:

    - **Teardown that is intended is left alone.** A DESTROY that only runs under a test of the
      environment (`if not is_prod:`, an `else` of `if stage == "prod":`) is no finding. Where a
      comment beside or above it, or a docstring of the function, class or module, says the
      resource or stack is for dev, test, a demo or sample, ephemeral, or not for production, or
      the app's `cdk.json` names a dev/test environment (`"environment": "dev"`), the finding is
      reported with that reason and nothing is changed — unless the stack has an environment
      name (below), where the conditional form keeps the stated teardown outside production.
    - **Where the stack has an environment name** (a `try_get_context("env")` value, a
      parameter or local like `stage` / `env_name` / `environment_suffix`, `self.stage`,
      `props.environment_suffix`), the fix is `RemovalPolicy.RETAIN if stage == "prod" else
      RemovalPolicy.DESTROY` (SNAPSHOT for databases; a bucket keeps `auto_delete_objects` as
      `stage != "prod"`); the production name is the `production-environment` option (`"prod"`).
      Otherwise it is plain `RETAIN` / `SNAPSHOT`, and a bucket loses `auto_delete_objects=True`,
      which synth rejects together with RETAIN.
    - **A resource with a fixed physical name** (`bucket_name=`, `table_name=`,
      `log_group_name=`...) gets the fix only with `--unsafe-fixes`: after `cdk destroy` the
      retained resource keeps its name, and the next deploy of the stack fails with "already
      exists". The finding says so.
    - A comment the fix makes stale (`# change to RETAIN for production` beside the DESTROY, or
      a comment about the removal policy right above it) is removed with the change.

    Buckets, tables, keys, secrets, log groups, user pools and file systems get `RETAIN`; RDS,
    DocumentDB, Neptune, ElastiCache (Redis/Valkey), Redshift and EBS volumes get `SNAPSHOT`
    (aws-cdk-lib rejects `SNAPSHOT` on other resources). Conditional policies written by hand,
    policies held in variables, read replicas, DB instances inside a cluster, memcached clusters
    and buckets built with a `**kwargs` spread are left alone, and so is
    `x.apply_removal_policy(...)` when `x` is also a parameter or loop variable of the function.

    ## Options
    `production-environment` (default `"prod"`): the environment name the conditional fix keeps
    data for. `keep-destroy-in-dev = true`: where no environment name is visible, report instead
    of writing a plain RETAIN (the team keeps DESTROY outside production and wants to choose).
    """

    code, name, tier = "CDK304", "retain-stateful-data", Tier.SAFE
    tier_note = "(unsafe with a fixed physical name; stated teardown reported)"
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
        yield from self._report(call.ctx, call.node, value, call.node, call.qualname, call.arg("removal_policy"))

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
                qualname: str, where: cst.CSTNode | None = None) -> Iterator[Finding]:
        """``value`` (a DESTROY) at call ``at`` applies to ``construct`` of type ``qualname``; the
        findings point at ``where`` (the ``removal_policy=`` keyword), else at ``at``."""
        policy = self._policy_for(ctx, construct, qualname)
        if policy is None or _under_environment_test(ctx, value):
            return
        message = _message(qualname.rsplit(".", 1)[-1], policy)
        bucket = qualname in BUCKETS
        if bucket and any(a.star == "**" for a in construct.args):
            # auto_delete_objects may arrive through the spread: RETAIN would then fail synth
            yield self.finding(where or at, message + " (not fixed: **kwargs may set auto_delete_objects)")
            return
        env = environment_reference(ctx, at)
        intent = _stated_intent(ctx, at, value)
        if intent is not None and (env is None or intent[0] != "comment"):
            yield self.finding(where or at, f"{message}; not changed: teardown is stated as intended ({intent[0]}: "
                                   f"\"{intent[1]}\")", tier=Tier.REPORT)
            return
        if env is None and self.settings.get("keep-destroy-in-dev"):
            yield self.finding(where or at, f"{message}; not changed: keep-destroy-in-dev is on and no environment name is "
                                   "visible here to keep DESTROY outside production", tier=Tier.REPORT)
            return
        auto_delete = bucket and _auto_delete(construct)
        if env is None:
            edits = [Edit.rename_attribute(value, policy)]  # type: ignore[arg-type]
            if auto_delete:
                edits.append(Edit.remove_keyword(construct, "auto_delete_objects"))
        else:
            prod = json.dumps(self.settings.get("production-environment") or "prod")
            spelled = ctx.module.code_for_node(value.value) if isinstance(value, cst.Attribute) else None
            if spelled is None:
                return
            choice = f"{spelled}.{policy} if {env} == {prod} else {spelled}.DESTROY"
            edits = [Edit.replace_with(value, choice)]
            if auto_delete:
                edits.append(Edit.set_keyword(construct, "auto_delete_objects", f"{env} != {prod}"))
            message = f"{message} in production: `{choice}`"
        edits.extend(_drop_stale_comments(ctx, at))
        named = physical_name(ConstructCall(ctx, construct, qualname))
        if named is not None:
            kind = qualname.rsplit(".", 1)[-1]
            yield self.finding(where or at, f"{message}; unsafe: its fixed name (`{named[0]}=`) stays taken by the retained "
                                   f"{kind} after `cdk destroy`, so the next deploy of the stack fails with "
                                   "\"already exists\"", fix=Fix(edits), tier=Tier.UNSAFE)
            return
        yield self.finding(where or at, message, fix=Fix(edits))

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


def _under_environment_test(ctx: FileContext, value: cst.CSTNode) -> bool:
    """``value`` only runs under a test of the environment: the branch of an ``if``/``elif``/``else``
    (or of a conditional expression) whose test names ``is_prod``, ``stage``, an environment
    context key..."""
    child: cst.CSTNode = value
    for parent in ctx.ancestors(value):
        if isinstance(parent, (cst.If, cst.IfExp)) and child is not parent.test and mentions_environment(parent.test):
            return True
        if isinstance(parent, cst.FunctionDef):
            return False
        child = parent
    return False


def _stated_intent(ctx: FileContext, at: cst.CSTNode, value: cst.CSTNode) -> tuple[str, str] | None:
    """Where the code says the resource is meant to be torn down, and what it says: a comment on
    or above the DESTROY, a docstring of the function, class or module, or the app's cdk.json
    naming a disposable environment."""
    for node in (value, ctx.statement_of(at) or at):
        for comment in comments_near(ctx, node):
            if states_teardown_intent(comment):
                return "comment", comment
    for doc in docstrings_around(ctx, at):
        words = states_teardown_intent(doc)
        if words:
            return "docstring", doc.strip().splitlines()[0]
    for key, setting in ctx.app.context.items():
        if is_environment_key(key) and isinstance(setting, str) and setting.lower() in DISPOSABLE_ENVIRONMENTS:
            return "cdk.json", f"{key} = {setting}"
    return None


def _about_removal(comment: str) -> bool:
    """A comment that asks for what the fix does, and is stale after it: ``change to RETAIN for
    production``, ``TODO: use SNAPSHOT in production``, ``Remove this line for production use``."""
    return bool(re.search(r"\b(?:change|switch|set|use|make|replace)\b.*\b(?:retain|snapshot)\b"
                          r"|\b(?:for|in)\s+prod(?:uction)?\b|\bremove this\b|\b(?:not|never)\b.*\bprod(?:uction)?\b",
                          comment, re.IGNORECASE))


def _drop_stale_comments(ctx: FileContext, at: cst.Call) -> list[Edit]:
    """Remove the comments that ask for the change: on the ``removal_policy=`` line of a call laid
    out over several lines and right above it, and on the statement's line and right above it."""
    edits = []
    if E.get_keyword(at, "removal_policy") is not None:
        edits.append(Edit(at, replace=lambda n: drop_keyword_comments(n, "removal_policy", _about_removal)))  # type: ignore[arg-type]
    stmt = ctx.statement_of(at)
    if isinstance(stmt, cst.SimpleStatementLine):
        edits.append(Edit(stmt, replace=lambda n: drop_statement_comments(n, _about_removal)))  # type: ignore[arg-type]
    return edits


def _message(class_name: str, policy: str) -> str:
    return f"{class_name} is destroyed with its stack (RemovalPolicy.DESTROY): use RemovalPolicy.{policy}"


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
