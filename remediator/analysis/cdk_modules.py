"""aws_cdk module names: the ones drafts and CDK v1 habits write that aws-cdk-lib 2 does not have,
and what they mean (reviewed tables, used by CDK101 unknown-cdk-module; every name on either side
is checked against the API index by tests/test_api_names.py)."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any

from remediator.source.cdk_app import declares, installed

if TYPE_CHECKING:
    from remediator.analysis.context import FileContext

#: Reviewed table: module names AI drafts and CDK v1 habits use that aws-cdk-lib does not have,
#: and the module meant (checked against the index by tests/test_api_names.py). A name that is
#: not here is fixed only when ``aws_<name>`` exists or exactly one module is a close match.
WRONG_MODULES: dict[str, str] = {
    "aws_elbv2": "aws_elasticloadbalancingv2",
    "aws_alb": "aws_elasticloadbalancingv2",
    "aws_nlb": "aws_elasticloadbalancingv2",
    "aws_elb": "aws_elasticloadbalancing",
    "aws_elbv2_targets": "aws_elasticloadbalancingv2_targets",
    "aws_elbv2_actions": "aws_elasticloadbalancingv2_actions",
    "aws_apigw": "aws_apigateway",
    "aws_api_gateway": "aws_apigateway",
    "aws_apigwv2": "aws_apigatewayv2",
    "aws_api_gatewayv2": "aws_apigatewayv2",
    "aws_ddb": "aws_dynamodb",
    "aws_dynamo": "aws_dynamodb",
    "aws_dynamo_db": "aws_dynamodb",
    "aws_cw": "aws_cloudwatch",
    "aws_cw_actions": "aws_cloudwatch_actions",
    "aws_cloudwatch_logs": "aws_logs",
    "aws_cloudwatchlogs": "aws_logs",
    "aws_log": "aws_logs",
    "aws_sfn": "aws_stepfunctions",
    "aws_step_functions": "aws_stepfunctions",
    "aws_sfn_tasks": "aws_stepfunctions_tasks",
    "aws_step_functions_tasks": "aws_stepfunctions_tasks",
    "aws_secrets_manager": "aws_secretsmanager",
    "aws_secret_manager": "aws_secretsmanager",
    "aws_secrets": "aws_secretsmanager",
    "aws_eventbridge": "aws_events",
    "aws_event_bridge": "aws_events",
    "aws_eventbridge_targets": "aws_events_targets",
    "aws_acm": "aws_certificatemanager",
    "aws_certificate_manager": "aws_certificatemanager",
    "aws_route_53": "aws_route53",
    "aws_cloud_front": "aws_cloudfront",
    "aws_kinesis_firehose": "aws_kinesisfirehose",
    "aws_firehose": "aws_kinesisfirehose",
    "aws_s3deploy": "aws_s3_deployment",
    "aws_s3_deploy": "aws_s3_deployment",
    "aws_s3_deployments": "aws_s3_deployment",
    "aws_s3_notification": "aws_s3_notifications",
    "aws_s3n": "aws_s3_notifications",
    "aws_sns_subs": "aws_sns_subscriptions",
    "aws_vpc": "aws_ec2",
    "aws_cognito_idp": "aws_cognito",
    "aws_ssm_parameter": "aws_ssm",
    "aws_parameter_store": "aws_ssm",
    "aws_lambda_event_source": "aws_lambda_event_sources",
    "aws_lambda_events": "aws_lambda_event_sources",
    "aws_cloudwatch_action": "aws_cloudwatch_actions",
    "aws_events_target": "aws_events_targets",
    "aws_codepipeline_action": "aws_codepipeline_actions",
    "aws_route53_target": "aws_route53_targets",
    "aws_ecs_pattern": "aws_ecs_patterns",
    "aws_cloudfront_origin": "aws_cloudfront_origins",
    "aws_sns_subscription": "aws_sns_subscriptions",
    "aws_ecr_asset": "aws_ecr_assets",
    "aws_s3_asset": "aws_s3_assets",
    # the destinations of the alpha module are in aws_kinesisfirehose since it became stable
    "aws_kinesisfirehose_destinations": "aws_kinesisfirehose",
}

#: CDK v1 experimental modules that CDK v2 ships only as separately installed ``*_alpha``
#: packages (``pip install aws-cdk.aws-lambda-python-alpha``): reported with that package, never
#: rewritten to a module of aws-cdk-lib (its classes are not there).
ALPHA_MODULES: dict[str, str] = {
    "aws_lambda_python": "aws_lambda_python_alpha",
    "aws_lambda_go": "aws_lambda_go_alpha",
    "aws_iot_actions": "aws_iot_actions_alpha",
    "aws_iotevents_actions": "aws_iotevents_actions_alpha",
    "aws_kinesisanalytics_flink": "aws_kinesisanalytics_flink_alpha",
    "aws_pipes_enrichments": "aws_pipes_enrichments_alpha",
    "aws_pipes_sources": "aws_pipes_sources_alpha",
    "aws_pipes_targets": "aws_pipes_targets_alpha",
    "integ_tests": "integ_tests_alpha",
}

#: CDK v1 ``aws_cdk.core`` members that moved to the ``constructs`` package in v2 (the rest of
#: ``core`` is ``aws_cdk`` itself). Members found in neither are reported, not guessed.
V1_CORE_MOVED: dict[str, str] = {
    "Construct": "constructs.Construct",
    "IConstruct": "constructs.IConstruct",
    "IDependable": "constructs.IDependable",
    "DependencyGroup": "constructs.DependencyGroup",
    "ConstructOrder": "constructs.ConstructOrder",
}

V1_CORE = "aws_cdk.core"

#: packages published on their own into the ``aws_cdk`` namespace, with the version in the name:
#: ``aws_cdk.asset_awscli_v1`` (a dependency of aws-cdk-lib), ``aws_cdk.lambda_layer_kubectl_v31``
SEPARATE_PACKAGE = re.compile(r"(?:asset|lambda_layer)_\w+_v\d+")


def graduated_alpha(ctx: "FileContext", api: Any, qualname: str) -> tuple[str, str] | None:
    """("aws_cdk", "aws_apigatewayv2_alpha") for an alpha module that aws-cdk-lib now ships as a
    stable module (``aws_cdk.aws_apigatewayv2``) and that the project can not import: not
    installed beside the aws-cdk-lib in use, nor declared in its dependency files. None otherwise
    (an installed or declared alpha package is the project's choice)."""
    parts = qualname.split(".")
    if len(parts) < 2 or parts[0] != "aws_cdk" or not parts[1].endswith("_alpha"):
        return None
    alpha = parts[1]
    if getattr(api, "site_packages", None) is None or not api.module_exists(f"aws_cdk.{alpha.removesuffix('_alpha')}"):
        return None  # the bundled index: what is installed is unknown
    if installed(api.site_packages, f"aws_cdk.{alpha}") or declares(
            (ctx.project_root, ctx.app.folder, os.path.dirname(os.path.abspath(ctx.path))), f"aws-cdk.{alpha}"):
        return None
    return "aws_cdk", alpha
