"""The CDK vocabulary every rule shares: what counts as a stack, a stateful resource, a website
bucket, an environment name, a physical name... One definition each, so that rules agree.

Facts marked *verified* were checked by synthesizing small stacks with aws-cdk-lib 2.275.0 (the
tests named beside them keep them true).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import libcst as cst

if TYPE_CHECKING:
    from remediator.analysis.context import ConstructCall, FileContext

# -- stacks and constructs ------------------------------------------------------------------------
#: classes whose subclasses are stacks (their read-only properties cannot be assigned)
STACK_CLASSES = ("aws_cdk.Stack", "aws_cdk.NestedStack")
#: base classes of user constructs whose ``__init__`` runs while the app is built (CDK v1 spellings
#: included: a v1 file is still analysed while CDK101 moves it to v2)
CONSTRUCT_BASES = frozenset({
    "aws_cdk.Stack", "aws_cdk.NestedStack", "aws_cdk.Stage", "aws_cdk.aws_cloudformation.NestedStack",
    "aws_cdk.core.Stack", "aws_cdk.core.NestedStack", "aws_cdk.core.Construct", "aws_cdk.core.Stage",
    "constructs.Construct",
})

# -- environments ---------------------------------------------------------------------------------
#: context keys that name the deployment environment, compared without case, ``-``, ``_`` and
#: spaces: ``env``, ``environment``, ``stage``, with an optional prefix (``deploy``, ``deployment``,
#: ``target``, ``app``) and suffix (``name``, ``suffix``): ``env_name``, ``environmentSuffix``,
#: ``deployment-stage``, ``targetEnv``...
ENVIRONMENT_KEYS = frozenset(
    prefix + word + suffix
    for prefix in ("", "deploy", "deployment", "target", "app")
    for word in ("env", "environment", "stage")
    for suffix in ("", "name", "suffix")
)
#: environment names that mean "may be torn down" (compared in lower case)
DISPOSABLE_ENVIRONMENTS = frozenset({"dev", "development", "test", "testing", "sandbox", "ephemeral", "demo",
                                     "local", "ci", "preview", "tmp", "temp", "scratch", "qa"})


def is_environment_key(key: str) -> bool:
    return re.sub(r"[-_\s]", "", key).lower() in ENVIRONMENT_KEYS


def context_key(value: cst.BaseExpression) -> str | None:
    """``"env"`` for ``<x>.node.try_get_context("env")``, also with a fallback (``... or "dev"``)."""
    if isinstance(value, cst.BooleanOperation) and isinstance(value.operator, cst.Or):
        value = value.left
    if not (isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute)
            and value.func.attr.value == "try_get_context" and value.args):
        return None
    key = value.args[0].value
    return key.evaluated_value if isinstance(key, cst.SimpleString) else None


def is_environment_lookup(value: cst.BaseExpression) -> bool:
    """``<x>.try_get_context("env")`` (an environment key), optionally ``or "dev"``."""
    key = context_key(value)
    return key is not None and is_environment_key(key)


#: words of a name that tests the deployment environment (``is_prod``, ``stage``, ``is_dev_env``)
_ENVIRONMENT_WORD = re.compile(r"(?:^|_)(?:prod|production|dev|development|test|testing|staging|stage|env|"
                               r"environment|qa|sandbox|preview)(?:$|_)", re.IGNORECASE)
#: in a Stack, these name aws-cdk-lib's ``Environment`` (account/region), not the deployment stage
_NOT_AN_ENVIRONMENT_NAME = frozenset({"env", "environment"})


def mentions_environment(test: cst.BaseExpression) -> bool:
    """A test that depends on the deployment environment: a name like ``is_prod``, ``stage`` or
    ``env``, a context lookup of an environment key, or a comparison with an environment name."""
    found = False

    class Visitor(cst.CSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            nonlocal found
            found = found or bool(_ENVIRONMENT_WORD.search(node.value)) or is_environment_key(node.value)

        def visit_Call(self, node: cst.Call) -> None:
            nonlocal found
            found = found or is_environment_lookup(node)

        def visit_SimpleString(self, node: cst.SimpleString) -> None:
            nonlocal found
            value = node.evaluated_value
            found = found or (isinstance(value, str) and value.lower() in DISPOSABLE_ENVIRONMENTS | {"prod", "production"})

    test.visit(Visitor())
    return found


def environment_reference(ctx: "FileContext", at: cst.CSTNode) -> str | None:
    """How the code names its deployment environment where ``at`` is, for a test like
    ``<it> == "prod"``: a local bound earlier from ``try_get_context("env")`` (or any local or
    parameter named like an environment key: ``stage``, ``env_name``, ``environment_suffix``), a
    ``self.<key>`` attribute the class assigns, or ``props.<key>`` of a parameter. ``env`` and
    ``environment`` as parameters or attributes are aws-cdk-lib's account/region ``Environment``
    in a Stack, never the stage. None when the code has none."""
    fn = ctx.enclosing(at, cst.FunctionDef)
    if not isinstance(fn, cst.FunctionDef):
        return None
    line = ctx.position(at)[0]
    earlier = [a for a in ctx.assignments if ctx.scope_of(a.statement) is fn and ctx.position(a.statement)[0] < line]
    for a in earlier:  # env_name = self.node.try_get_context("env") [or "dev"]
        if "." not in a.target and is_environment_lookup(a.value):
            return a.target
    params = [p for p in (*fn.params.posonly_params, *fn.params.params, *fn.params.kwonly_params)]
    for p in params:
        name = p.name.value
        annotation = "" if p.annotation is None else cst.Module([]).code_for_node(p.annotation.annotation)
        if is_environment_key(name) and name not in _NOT_AN_ENVIRONMENT_NAME and (not annotation or "str" in annotation):
            return name
    for a in earlier:
        if "." not in a.target and is_environment_key(a.target) and a.target not in _NOT_AN_ENVIRONMENT_NAME \
                and not isinstance(a.value, cst.Call):
            return a.target
    cls = ctx.enclosing(fn, cst.ClassDef)
    for a in ctx.assignments:
        attr = a.target[len("self."):] if a.target.startswith("self.") else None
        if attr and "." not in attr and a.scope is cls and is_environment_key(attr) \
                and attr not in _NOT_AN_ENVIRONMENT_NAME:
            return a.target
    names = {p.name.value for p in params}
    for node in ctx.attributes:
        if isinstance(node.value, cst.Name) and node.value.value in names and node.value.value != "self" \
                and is_environment_key(node.attr.value) and node.attr.value not in _NOT_AN_ENVIRONMENT_NAME \
                and any(anc is fn for anc in ctx.ancestors(node)):
            return f"{node.value.value}.{node.attr.value}"
    return None


#: words by which code says it is not meant for production (a comment, a docstring)
_TEARDOWN_INTENT = re.compile(
    r"\b(?:dev|development|test|tests|testing|demo|sample|samples|example|examples|ephemeral|temporary|temp|"
    r"throw-?away|workshop|sandbox|prototype|poc|tutorial|playground|scratch|non-prod(?:uction)?|"
    r"(?:not|never)\b[^.]*\bproduction|for production|in production|cdk destroy|clean ?up|tear(?:s|ing)? ?down)\b",
    re.IGNORECASE)


def states_teardown_intent(text: str) -> str | None:
    """The words of ``text`` that say the code is meant to be torn down (dev, demo, ``not for
    production``, ``cdk destroy``...), or None."""
    m = _TEARDOWN_INTENT.search(text)
    return m.group(0) if m else None


# -- S3 -------------------------------------------------------------------------------------------
#: keywords that make an L2 bucket a static website (S3 website endpoints are HTTP only, and
#: BLOCK_ALL makes such a bucket fail synth: verified)
WEBSITE_KEYWORDS = ("website_index_document", "website_error_document", "website_redirect", "website_routing_rules")
BUCKET_POLICIES = ("aws_cdk.aws_s3.BucketPolicy", "aws_cdk.aws_s3.CfnBucketPolicy")


def is_website_bucket(call: "ConstructCall") -> bool:
    if call.is_l1:
        return call.has("website_configuration")
    return any(call.has(kw) for kw in WEBSITE_KEYWORDS)


def bucket_policies_of(call: "ConstructCall") -> list["ConstructCall"]:
    """``s3.BucketPolicy(bucket=b)`` / ``s3.CfnBucketPolicy(bucket=b.bucket_name)`` (or ``b.ref``) of
    the bucket that ``call`` builds, in the same scope."""
    if call.binding is None:
        return []
    out = []
    for policy in call.ctx.calls_of(BUCKET_POLICIES):
        bucket = policy.value("bucket")
        if isinstance(bucket, cst.Attribute) and bucket.attr.value in ("bucket_name", "ref"):
            bucket = bucket.value
        if bucket is not None and call.refers_to(bucket, policy.node):
            out.append(policy)
    return out


# -- Lambda ---------------------------------------------------------------------------------------
#: aws_lambda.Function and the aws_cdk classes that derive from it (their props extend FunctionProps)
FUNCTIONS = (
    "aws_cdk.aws_lambda.Function",
    "aws_cdk.aws_lambda.SingletonFunction",
    "aws_cdk.aws_lambda.DockerImageFunction",
    "aws_cdk.aws_lambda_nodejs.NodejsFunction",
    "aws_cdk.triggers.TriggerFunction",
    "aws_cdk.aws_lambda_python_alpha.PythonFunction",
    "aws_cdk.aws_lambda_go_alpha.GoFunction",
)
#: L1 functions: ``environment=CfnFunction.EnvironmentProperty(variables={...})``
L1_FUNCTIONS = ("aws_cdk.aws_lambda.CfnFunction", "aws_cdk.aws_sam.CfnFunction")

# -- stateful resources -----------------------------------------------------------------------------
#: stateful resources whose data survives deletion only with RETAIN
RETAIN_TYPES = frozenset(f"aws_cdk.{name}" for name in (
    "aws_s3.Bucket", "aws_s3.CfnBucket",
    "aws_dynamodb.Table", "aws_dynamodb.TableV2", "aws_dynamodb.CfnTable", "aws_dynamodb.CfnGlobalTable",
    "aws_kms.Key", "aws_kms.CfnKey",
    "aws_secretsmanager.Secret", "aws_secretsmanager.CfnSecret",
    "aws_logs.LogGroup", "aws_logs.CfnLogGroup",
    "aws_cognito.UserPool", "aws_cognito.CfnUserPool",
    "aws_efs.FileSystem", "aws_efs.CfnFileSystem",
))
#: resources CloudFormation can snapshot on deletion (the list aws-cdk-lib accepts for SNAPSHOT;
#: verified: SNAPSHOT elsewhere fails synth)
SNAPSHOT_TYPES = frozenset(f"aws_cdk.{name}" for name in (
    "aws_rds.DatabaseInstance", "aws_rds.DatabaseInstanceFromSnapshot", "aws_rds.CfnDBInstance",
    "aws_rds.DatabaseCluster", "aws_rds.DatabaseClusterFromSnapshot", "aws_rds.ServerlessCluster",
    "aws_rds.ServerlessClusterFromSnapshot", "aws_rds.CfnDBCluster",
    "aws_docdb.DatabaseCluster", "aws_docdb.CfnDBCluster",
    "aws_neptune.CfnDBCluster",
    "aws_elasticache.CfnCacheCluster", "aws_elasticache.CfnReplicationGroup",
    "aws_redshift.CfnCluster",
    "aws_ec2.Volume", "aws_ec2.CfnVolume",
))

# -- physical names ---------------------------------------------------------------------------------
#: physical-name keywords not spelled ``<class>_name``
OTHER_PHYSICAL_NAMES = {
    "aws_cdk.aws_rds.DatabaseInstance": "instance_identifier",
    "aws_cdk.aws_rds.DatabaseCluster": "cluster_identifier",
    "aws_cdk.aws_rds.CfnDBInstance": "db_instance_identifier",
    "aws_cdk.aws_rds.CfnDBCluster": "db_cluster_identifier",
    "aws_cdk.aws_apigatewayv2.HttpApi": "api_name",
    "aws_cdk.aws_apigatewayv2.WebSocketApi": "api_name",
    "aws_cdk.aws_kinesisfirehose.DeliveryStream": "delivery_stream_name",
}


def _snake_words(class_name: str) -> list[str]:
    name = class_name[3:] if class_name.startswith("Cfn") else class_name
    name = re.sub(r"V\d+$", "", name)  # TableV2 -> Table
    return [w.lower() for w in re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+", name)]


def physical_name_keywords(qualname: str) -> set[str]:
    """The keywords that give a construct its physical name: ``<class>_name`` for any tail of the
    class's words (``Bucket`` -> ``bucket_name``, ``ApplicationLoadBalancer`` ->
    ``load_balancer_name``, ``RestApi`` -> ``rest_api_name``), plus the few spelled otherwise
    (``DatabaseInstance(instance_identifier=)``). A change of such a value replaces the resource."""
    words = _snake_words(qualname.rsplit(".", 1)[-1])
    out = {"_".join(words[i:]) + "_name" for i in range(len(words))}
    if qualname in OTHER_PHYSICAL_NAMES:
        out.add(OTHER_PHYSICAL_NAMES[qualname])
    return out


#: physical names whose rules reject upper case (S3 bucket names, ECR repository names): ``None``
#: formatted into one (``data-None``) fails synth or deployment, so no such resource exists
LOWER_CASE_NAMES = frozenset({
    ("aws_cdk.aws_s3.Bucket", "bucket_name"), ("aws_cdk.aws_s3.CfnBucket", "bucket_name"),
    ("aws_cdk.aws_ecr.Repository", "repository_name"), ("aws_cdk.aws_ecr.CfnRepository", "repository_name"),
})


def physical_name(call: "ConstructCall") -> tuple[str, cst.BaseExpression] | None:
    """The keyword and value that give the resource ``call`` builds a fixed physical name (not
    ``None`` and not ``PhysicalName.GENERATE_IF_NEEDED``), or None."""
    keywords = physical_name_keywords(call.qualname)
    for arg in call.node.args:
        if arg.keyword is None or arg.keyword.value not in keywords:
            continue
        value = arg.value
        if (isinstance(value, cst.Name) and value.value == "None") or (
                isinstance(value, cst.Attribute) and value.attr.value == "GENERATE_IF_NEEDED"):
            continue
        return arg.keyword.value, value
    return None


def construct_ids(ctx: "FileContext") -> set[str]:
    """Every literal construct id the file passes as the second argument of a call (``Key(self,
    "DataKey")``): ids a new construct must not take."""
    out = set()
    for call in ctx.calls:
        positional = [a for a in call.args if a.keyword is None and not a.star]
        if len(positional) >= 2 and isinstance(positional[1].value, cst.SimpleString):
            value = positional[1].value.evaluated_value
            if isinstance(value, str):
                out.add(value)
    return out


# -- stacks and constructs of a file ------------------------------------------------------------------
#: stack classes whose resources belong to a parent stack's template (their outputs and tags are
#: the parent's business)
NESTED_STACK_CLASSES = ("aws_cdk.NestedStack", "aws_cdk.aws_cloudformation.NestedStack", "aws_cdk.core.NestedStack")


def is_construct_class(ctx: "FileContext", qualname: str | None) -> bool:
    """``qualname`` is an aws-cdk-lib (or constructs) class whose instances are constructs:
    ``aws_cdk.aws_s3.Bucket``, ``aws_cdk.aws_s3.CfnBucket``, ``aws_cdk.Stack``; not structs, enums
    or helper classes (``aws_cdk.aws_cloudfront_origins.S3Origin``). Answered by the API index."""
    if qualname is None or not qualname.startswith(("aws_cdk.", "constructs.")):
        return False
    try:
        return ctx.api.is_class(qualname) and ctx.api.is_subtype(qualname, "constructs.Construct")
    except Exception:  # noqa: BLE001 - no API index: not provably a construct
        return False


def stack_classes_of(ctx: "FileContext", nested: bool = False) -> list[cst.ClassDef]:
    """The classes of the file that are stacks: deriving from ``aws_cdk.Stack`` (or a subclass the
    API index knows), directly or through classes of the file. Nested stacks only with ``nested``."""
    from remediator.analysis.bindings import classes_deriving_from

    def stack(q: str) -> bool:
        if q in NESTED_STACK_CLASSES or (q.startswith("aws_cdk.") and _derives(ctx, q, "aws_cdk.NestedStack")):
            return nested
        return q in STACK_CLASSES or q == "aws_cdk.core.Stack" or _derives(ctx, q, "aws_cdk.Stack")

    return classes_deriving_from(ctx.classes, ctx.qualname, stack)


def _derives(ctx: "FileContext", qualname: str, base: str) -> bool:
    if not qualname.startswith("aws_cdk."):
        return False
    try:
        return bool(ctx.api.has_type(qualname) and ctx.api.is_subtype(qualname, base))
    except Exception:  # noqa: BLE001 - no API index
        return False


def methods_of(cls: cst.ClassDef) -> list[cst.FunctionDef]:
    """The functions defined directly in a class body (decorated ones included)."""
    body = cls.body.body if isinstance(cls.body, cst.IndentedBlock) else ()
    return [s for s in body if isinstance(s, cst.FunctionDef)]


def builds_construct_like(ctx: "FileContext", call: cst.Call) -> bool:
    """A call that builds a construct: an aws-cdk-lib construct class, or any class called the
    way constructs are, with a scope and a literal id (``NetworkConstruct(self, "Network")``)."""
    qualname = ctx.call_qualname(call)
    if qualname is not None:
        return is_construct_class(ctx, qualname)
    positional = [a for a in call.args if a.keyword is None and not a.star]
    return (isinstance(call.func, (cst.Name, cst.Attribute)) and len(positional) >= 2
            and isinstance(positional[0].value, cst.Name) and positional[0].value.value == "self"
            and isinstance(positional[1].value, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)))


def uses_of(call: "ConstructCall") -> list[cst.CSTNode]:
    """The reads of the variable that holds ``call``'s construct (``bucket``, ``self.bucket``),
    where it holds that construct; empty for an unbound construct."""
    from remediator.analysis.imports import dotted_name

    name, ctx = call.binding, call.ctx
    if name is None:
        return []
    nodes: list[cst.CSTNode] = ([a for a in ctx.attributes if dotted_name(a) == name] if "." in name
                                else list(ctx.references.get(name, ())))
    return [n for n in nodes if not isinstance(ctx.parent(n), cst.AssignTarget)
            and call.refers_to(n, n)]  # type: ignore[arg-type]


def words_of(text: str) -> list[str]:
    """The words of an identifier or construct id, as written: ``DataBucket``, ``data_bucket``,
    ``data-bucket`` -> ``Data``/``data``, ``Bucket``/``bucket``; ``SQSQueue`` -> ``SQS``, ``Queue``."""
    return re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+", text)
