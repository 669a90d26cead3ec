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
