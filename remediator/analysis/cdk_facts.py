"""The CDK vocabulary every rule shares: what counts as a stack, a stateful resource, a website
bucket, an environment name, a physical name... One definition each, so that rules agree.

Facts marked *verified* were checked by synthesizing small stacks with aws-cdk-lib 2.275.0 (the
tests named beside them keep them true).
"""

from __future__ import annotations

import json
import re
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

import libcst as cst

if TYPE_CHECKING:
    from remediator.analysis.context import ConstructCall, FileContext
    from remediator.analysis.edits import Edit

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
    # L1 resources whose name is their CloudFormation ``Name`` property
    **{f"aws_cdk.{q}": "name" for q in (
        "aws_secretsmanager.CfnSecret", "aws_kinesis.CfnStream", "aws_events.CfnEventBus", "aws_events.CfnRule",
        "aws_codebuild.CfnProject", "aws_codepipeline.CfnPipeline", "aws_stepfunctions.CfnActivity",
        "aws_elasticloadbalancingv2.CfnLoadBalancer", "aws_elasticloadbalancingv2.CfnTargetGroup",
        "aws_eks.CfnCluster", "aws_cloudfront.CfnFunction")},
    "aws_cdk.aws_ec2.CfnKeyPair": "key_name",
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


# -- names that must be unique, and the stack's environment name as code (CDK202) ---------------------
@dataclass(frozen=True)
class NameLimits:
    """What AWS accepts as the physical name of a resource type."""

    max_length: int
    lower_case: bool = False  #: upper case is rejected (S3 buckets, ECR repositories, OpenSearch domains)
    underscore: bool = True  #: ``_`` is allowed
    fifo: bool = False  #: a FIFO resource's name ends in ``.fifo`` (SQS queues, SNS topics)


def _limited(names: str, limits: NameLimits) -> dict[str, NameLimits]:
    return {f"aws_cdk.{name}": limits for name in names.split()}


#: resources whose physical name must be unique in the account and region (IAM and CloudFront names
#: in the account, S3 bucket names in every account), with AWS's limits for the name: a second
#: environment of the stack in the same account fails with "already exists". Names that are only
#: tags (``Vpc(vpc_name=)``, ``Instance(instance_name=)``), unique only inside a parent (stages,
#: DNS records, listeners, inline policies) or not unique at all (``RestApi``, ``UserPool``) are not here.
UNIQUE_NAMES: dict[str, NameLimits] = {
    **_limited("aws_s3.Bucket aws_s3.CfnBucket", NameLimits(63, lower_case=True, underscore=False)),
    **_limited("aws_dynamodb.Table aws_dynamodb.TableV2 aws_dynamodb.CfnTable aws_dynamodb.CfnGlobalTable",
               NameLimits(255)),
    **_limited("aws_lambda.Function aws_lambda.DockerImageFunction aws_lambda.SingletonFunction aws_lambda.CfnFunction "
               "aws_lambda_nodejs.NodejsFunction aws_lambda_python_alpha.PythonFunction aws_lambda_go_alpha.GoFunction "
               "triggers.TriggerFunction aws_cloudfront.Function aws_cloudfront.CfnFunction", NameLimits(64)),
    **_limited("aws_iam.Role aws_iam.LazyRole aws_iam.CfnRole aws_iam.User aws_iam.CfnUser", NameLimits(64)),
    **_limited("aws_iam.Group aws_iam.CfnGroup aws_iam.ManagedPolicy aws_iam.CfnManagedPolicy aws_iam.InstanceProfile "
               "aws_iam.CfnInstanceProfile aws_cloudtrail.Trail aws_cloudtrail.CfnTrail aws_ec2.LaunchTemplate "
               "aws_ec2.CfnLaunchTemplate aws_kinesis.Stream aws_kinesis.CfnStream", NameLimits(128)),
    **_limited("aws_secretsmanager.Secret aws_secretsmanager.CfnSecret aws_rds.DatabaseSecret aws_docdb.DatabaseSecret "
               "aws_logs.LogGroup aws_logs.CfnLogGroup", NameLimits(512)),
    **_limited("aws_sqs.Queue aws_sqs.CfnQueue", NameLimits(80, fifo=True)),
    **_limited("aws_sns.Topic aws_sns.CfnTopic", NameLimits(256, fifo=True)),
    **_limited("aws_ecr.Repository aws_ecr.CfnRepository", NameLimits(256, lower_case=True)),
    **_limited("aws_ecs.Cluster aws_ecs.CfnCluster aws_codebuild.Project aws_codebuild.PipelineProject "
               "aws_codebuild.CfnProject aws_cloudwatch.Alarm aws_cloudwatch.CompositeAlarm aws_cloudwatch.CfnAlarm "
               "aws_cloudwatch.Dashboard aws_cloudwatch.CfnDashboard aws_autoscaling.AutoScalingGroup "
               "aws_autoscaling.CfnAutoScalingGroup aws_ec2.KeyPair aws_ec2.CfnKeyPair aws_events.EventBus "
               "aws_events.CfnEventBus aws_kms.Alias aws_kms.CfnAlias", NameLimits(255)),
    **_limited("aws_events.Rule aws_events.CfnRule aws_kinesisfirehose.DeliveryStream "
               "aws_kinesisfirehose.CfnDeliveryStream", NameLimits(64)),
    **_limited("aws_stepfunctions.StateMachine aws_stepfunctions.CfnStateMachine aws_stepfunctions.Activity "
               "aws_stepfunctions.CfnActivity", NameLimits(80)),
    **_limited("aws_codepipeline.Pipeline aws_codepipeline.CfnPipeline aws_codecommit.Repository "
               "aws_codecommit.CfnRepository aws_eks.Cluster aws_eks.CfnCluster", NameLimits(100)),
    **_limited("aws_rds.DatabaseInstance aws_rds.CfnDBInstance aws_rds.DatabaseCluster aws_rds.CfnDBCluster",
               NameLimits(63, underscore=False)),
    **_limited("aws_elasticloadbalancingv2.ApplicationLoadBalancer aws_elasticloadbalancingv2.NetworkLoadBalancer "
               "aws_elasticloadbalancingv2.CfnLoadBalancer aws_elasticloadbalancingv2.ApplicationTargetGroup "
               "aws_elasticloadbalancingv2.NetworkTargetGroup aws_elasticloadbalancingv2.CfnTargetGroup",
               NameLimits(32, underscore=False)),
    **_limited("aws_opensearchservice.Domain aws_opensearchservice.CfnDomain aws_elasticsearch.Domain "
               "aws_elasticsearch.CfnDomain", NameLimits(28, lower_case=True, underscore=False)),
    **_limited("aws_backup.BackupVault aws_backup.CfnBackupVault", NameLimits(50)),
}

#: environment names that, as a word of a physical name, say it already names its environment
#: (``demo``, ``tmp``, ``local`` in a name say something else)
ENVIRONMENT_WORDS = frozenset({"dev", "development", "test", "testing", "qa", "uat", "sit", "sandbox", "staging",
                               "stage", "stg", "preprod", "prod", "production", "prd"})


def names_environment(text: str) -> bool:
    """``orders-prod``, ``dev_uploads``, ``OrdersStaging``: a name with an environment as a word."""
    words = re.split(r"[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])", text)
    return any(w.lower() in ENVIRONMENT_WORDS for w in words if w)


@dataclass
class EnvironmentName:
    """The stack's environment name as code where a fix needs it (:func:`environment_name`)."""

    code: str  #: ``env_name``, ``self.stage``, ``props.environment_suffix``...
    #: the edit that defines it (a new local read from context), or None when the code has one
    edit: "Edit | None" = None
    #: the context key of a lookup without a default that ``code`` is bound to (None in names
    #: formatted from it as ``None``), when the app does not set the key; else None
    missing_default: str | None = None
    #: values the code is known to take: the lookup's literal default, the app's context value
    values: tuple[str, ...] = ()


_NEW_NAMES: "weakref.WeakKeyDictionary[FileContext, str]" = weakref.WeakKeyDictionary()


def environment_name(ctx: "FileContext", at: cst.CSTNode, key: str, default: str) -> EnvironmentName | None:
    """The stack's environment name at ``at``: the code's own (:func:`environment_reference`), else a
    new local ``environment_suffix = self.node.try_get_context(<key>) or "<default>"`` at the top
    of the method (after ``super().__init__(...)``); the environment key the app's ``cdk.json`` sets,
    else the one the file already reads (``self.environment = ...try_get_context("environment")``),
    wins over ``key``. Every fix of a pass gets the same new name, and the line is
    added once per method. None outside a method of a construct class, or when ``at`` comes
    before the place the line would go."""
    found = environment_reference(ctx, at)
    fn = ctx.enclosing(at, cst.FunctionDef)
    if found is not None:
        bound = [v for v in ctx.assigned_values(cst.parse_expression(found), at) if context_key(v) is not None]
        missing = next((context_key(v) for v in bound if isinstance(v, cst.Call)
                        and not ctx.app.sets(context_key(v) or "")), None)
        values = [v.right.evaluated_value for v in bound if isinstance(v, cst.BooleanOperation)
                  and isinstance(v.right, cst.SimpleString)]
        values += [ctx.app.context.get(context_key(v) or "") for v in bound]
        return EnvironmentName(found, missing_default=missing, values=tuple(v for v in values if isinstance(v, str)))
    if not isinstance(fn, cst.FunctionDef) or not _construct_method(ctx, fn):
        return None
    anchor = _super_init(fn)
    if fn.name.value == "__init__" and anchor is None:
        return None  # self.node exists only after the base class's __init__
    if anchor is not None and ctx.position(at)[0] <= ctx.end_line(anchor):
        return None
    if ctx not in _NEW_NAMES:  # one name for the file's pass, free everywhere in it
        _NEW_NAMES[ctx] = ctx.fresh_name("environment_suffix")
    name = _NEW_NAMES[ctx]
    read = [context_key(c) for c in ctx.calls if is_environment_lookup(c)]  # the key the file reads already
    key = next((k for k in sorted(ctx.app.cdk_json_keys) if is_environment_key(k)), None) or next(
        (k for k in read if k), key)
    line = f"{name} = self.node.try_get_context({json.dumps(key)}) or {json.dumps(default)}"
    from remediator.analysis.edits import Edit

    values = (default, ctx.app.context[key]) if isinstance(ctx.app.context.get(key), str) else (default,)
    return EnvironmentName(name, Edit(fn.body, replace=lambda body: _with_line(body, name, line)), values=values)


def _construct_method(ctx: "FileContext", fn: cst.FunctionDef) -> bool:
    """``fn`` is a method (first parameter ``self``, no static/class method) of a class deriving
    from a CDK construct, directly or through classes of the file."""
    from remediator.analysis.bindings import classes_deriving_from

    cls = ctx.parent(ctx.parent(fn) or fn)
    params = fn.params.posonly_params or fn.params.params
    if not isinstance(cls, cst.ClassDef) or not params or params[0].name.value != "self":
        return False
    if any(isinstance(d.decorator, cst.Name) and d.decorator.value in ("staticmethod", "classmethod")
           for d in fn.decorators):
        return False
    return cls in classes_deriving_from(ctx.classes, ctx.qualname, lambda q: q in CONSTRUCT_BASES)


def _super_init(fn: cst.FunctionDef) -> cst.BaseStatement | None:
    """The statement of ``fn``'s body that calls the base class's ``__init__``."""
    body = fn.body.body if isinstance(fn.body, cst.IndentedBlock) else ()
    return next((s for s in body if _is_super_init(s)), None)


def _is_super_init(stmt: cst.CSTNode) -> bool:
    if not (isinstance(stmt, cst.SimpleStatementLine) and isinstance(stmt.body[0], cst.Expr)):
        return False
    call = stmt.body[0].value
    return isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute) and call.func.attr.value == "__init__"


def _with_line(body: cst.CSTNode, name: str, line: str) -> cst.CSTNode:
    """``body`` (a function's block) with ``line`` after its ``super().__init__(...)`` (else after its
    docstring), unless a statement of the block already assigns ``name``."""
    assert isinstance(body, cst.IndentedBlock)
    stmts = list(body.body)
    assigned = {t.target.value for s in stmts if isinstance(s, cst.SimpleStatementLine)
                for small in s.body if isinstance(small, cst.Assign)
                for t in small.targets if isinstance(t.target, cst.Name)}
    if name in assigned:
        return body
    index = next((i + 1 for i, s in enumerate(stmts) if _is_super_init(s)), None)
    if index is None:
        first = stmts[0] if stmts else None
        docstring = (isinstance(first, cst.SimpleStatementLine) and isinstance(first.body[0], cst.Expr)
                     and isinstance(first.body[0].value, (cst.SimpleString, cst.ConcatenatedString)))
        index = 1 if docstring else 0
    return body.with_changes(body=[*stmts[:index], cst.parse_statement(line + "\n"), *stmts[index:]])


# -- where a stack deploys (CDK208) ----------------------------------------------------------------
#: an availability zone (``us-west-2a``, a Local Zone ``us-west-2-lax-1a``): group 1 is its region
_ZONE = re.compile(r"([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d+)(?:[a-z]|-[a-z]+-\d+[a-z])")


@dataclass
class RegionEvidence:
    """Where a file says which region a stack deploys to."""

    region: str
    node: cst.CSTNode
    how: str  #: ``env of StaticSite(app, "Site")``, ``availability zone us-west-2a``...


def stack_regions(ctx: "FileContext", cls: cst.ClassDef) -> list[RegionEvidence]:
    """The literal regions the file gives the stack class ``cls``: the ``env`` of its instances
    (``SiteStack(app, "Site", env=cdk.Environment(region="eu-west-1"))`` or ``env={"region": ...}``,
    also bound to a name first), the ``env`` its ``__init__`` passes to ``super().__init__``, and
    the availability zones its resources name (``availability_zone="us-west-2a"``: a zone exists in
    one region only). Values that are not literals (``os.environ[...]``) give nothing."""
    out = []
    for call in ctx.calls:
        if isinstance(call.func, cst.Name) and call.func.value == cls.name.value and ctx.qualname(call.func) is None:
            ids = [a.value for a in call.args if a.keyword is None and not a.star][1:2]
            shown = f"{cls.name.value}(..., {ctx.module.code_for_node(ids[0])})" if ids else cls.name.value
            out += [RegionEvidence(r, call, f"env of {shown}") for r in env_regions(ctx, call)]
        elif isinstance(call.func, cst.Attribute) and call.func.attr.value == "__init__" \
                and ctx.enclosing(call, cst.ClassDef) is cls:
            out += [RegionEvidence(r, call, "env passed to super().__init__") for r in env_regions(ctx, call)]
    for node in ctx.calls:
        if ctx.enclosing(node, cst.ClassDef) is not cls:
            continue
        for arg in node.args:
            if arg.keyword is not None and arg.keyword.value in ("availability_zone", "availability_zones"):
                values = [e.value for e in arg.value.elements] if isinstance(arg.value, (cst.List, cst.Tuple)) \
                    else [arg.value]
                for v in values:
                    zone = v.evaluated_value if isinstance(v, cst.SimpleString) else None
                    m = _ZONE.fullmatch(zone) if isinstance(zone, str) else None
                    if m:
                        out.append(RegionEvidence(m.group(1), arg, f"availability zone {zone}"))
    return out


def env_regions(ctx: "FileContext", call: cst.Call) -> list[str]:
    """The literal region of the ``env=`` a stack is built with (``cdk.Stack(app, "S", env=...)``,
    ``super().__init__(scope, id, env=...)``), the environment written there or bound to a name."""
    from remediator.analysis.edits import get_keyword

    env = get_keyword(call, "env")
    values = [env.value] if env is not None else []
    if env is not None and isinstance(env.value, cst.Name):
        values = ctx.assigned_values(env.value, call) or [
            b.value for b in ctx.assignments if b.target == env.value.value and b.scope is ctx.module]
    out = []
    for value in values:
        region = None
        if isinstance(value, cst.Call) and ctx.call_qualname(value) == "aws_cdk.Environment" or (
                isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and value.func.value == "dict"):
            arg = get_keyword(value, "region")  # type: ignore[arg-type]
            region = arg.value if arg is not None else None
        elif isinstance(value, cst.Dict):
            region = next((el.value for el in value.elements if isinstance(el, cst.DictElement)
                           and isinstance(el.key, cst.SimpleString) and el.key.evaluated_value == "region"), None)
        if isinstance(region, cst.SimpleString) and isinstance(region.evaluated_value, str):
            out.append(region.evaluated_value)
    return out


# -- stack environments -----------------------------------------------------------------------------
ENVIRONMENT = "aws_cdk.Environment"


def stack_has_region(ctx: "FileContext", at: cst.CSTNode) -> bool | None:
    """Whether the stack whose class holds ``at`` has a concrete region at synth time, as far as
    this file shows: True when its ``__init__`` passes ``env=`` with a region to ``super()``, or
    every instantiation of the class in the file does (``AppStack(app, "App", env=cdk.Environment(
    region=...))``); False when an instantiation passes no ``env=`` or an ``env`` without a region
    (an environment-agnostic stack: ``Stack.of(x).region`` is a token); None when the file does
    not tell (the class is instantiated elsewhere, a ``**kwargs`` spread, ``env`` from a parameter,
    ``at`` is not in a stack class)."""
    from remediator.analysis.bindings import Kind, classes_deriving_from

    cls = ctx.enclosing(at, cst.ClassDef)
    stacks = classes_deriving_from(ctx.classes, ctx.qualname, lambda q: q in STACK_CLASSES or q == "aws_cdk.core.Stack")
    if not isinstance(cls, cst.ClassDef) or cls not in stacks:
        return None
    verdicts: list[bool | None] = []
    for call in ctx.calls:
        func = call.func
        if _is_super_init(func) and ctx.enclosing(call, cst.ClassDef) is cls:
            env = next((a.value for a in call.args if a.keyword is not None and a.keyword.value == "env"), None)
            if env is not None:
                return _region_in(ctx, env, call)
        elif isinstance(func, cst.Name) and func.value == cls.name.value and Kind.CLASS in ctx.scopes.kinds_at(
                func.value, call):
            env = next((a.value for a in call.args if a.keyword is not None and a.keyword.value == "env"), None)
            if env is None:
                verdicts.append(None if any(a.star == "**" for a in call.args) else False)
            else:
                verdicts.append(_region_in(ctx, env, call))
    if not verdicts:
        return None
    return False if False in verdicts else (None if None in verdicts else True)


def _is_super_init(func: cst.BaseExpression) -> bool:
    return (isinstance(func, cst.Attribute) and func.attr.value == "__init__" and isinstance(func.value, cst.Call)
            and isinstance(func.value.func, cst.Name) and func.value.func.value == "super")


def _region_in(ctx: "FileContext", env: cst.BaseExpression, at: cst.CSTNode) -> bool | None:
    """Whether an ``env=`` value carries a region: ``cdk.Environment(region=...)``, ``{"region": ...}``,
    or a name bound to one of those; None when it cannot be seen."""
    if isinstance(env, cst.Name):
        if env.value == "None":
            return False
        values = ctx.assigned_values(env, at)
        if not values or ctx.scopes.rebound_at(env):
            return None
        found = {_region_in(ctx, v, at) for v in values if not isinstance(v, cst.Name)}
        return found.pop() if len(found) == 1 else None
    if isinstance(env, cst.Call) and ctx.call_qualname(env) == ENVIRONMENT:
        if any(a.star for a in env.args):
            return None
        region = next((a.value for a in env.args if a.keyword is not None and a.keyword.value == "region"), None)
        return region is not None and not (isinstance(region, cst.Name) and region.value == "None")
    if isinstance(env, cst.Dict):
        keys = {el.key.evaluated_value for el in env.elements
                if isinstance(el, cst.DictElement) and isinstance(el.key, cst.SimpleString)}
        if any(isinstance(el, cst.StarredDictElement) for el in env.elements):
            return None
        return "region" in keys
    return None


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
