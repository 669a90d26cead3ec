from aws_cdk import CfnOutput, Duration, RemovalPolicy, Stack
from aws_cdk import aws_apigw as apigateway
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from constructs import Construct

from stacks.authorizer import token_authorizer_function


class ProductsApiStack(Stack):
    """Products catalog REST API with a token authorizer, API keys and a usage plan."""

    def __init__(self, scope: Construct, construct_id: str, *, stage: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        is_prod = stage == "prod"

        table = dynamodb.Table(
            self,
            "Products",
            table_name=f"products-{stage}",
            partition_key=dynamodb.Attribute(name="productId", type=dynamodb.AttributeType.STRING),
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
            removal_policy=RemovalPolicy.RETAIN if is_prod else RemovalPolicy.DESTROY,
        )

        list_fn = lambda_.Function(
            self,
            "ListProducts",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline(
                "import os, json, boto3\n"
                "t = boto3.resource('dynamodb').Table(os.environ['TABLE'])\n"
                "def handler(e, c):\n"
                "    return {'statusCode': 200, 'body': json.dumps(t.scan().get('Items', []), default=str)}\n"
            ),
            environment={"TABLE": table.table_name},
            log_retention=logs.RetentionDays(30 if is_prod else 7),
        )
        table.grant_read_data(list_fn)

        authorizer = apigateway.TokenAuthorizer(
            self,
            "TokenAuthorizer",
            handler=token_authorizer_function(self),
            results_cache_ttl=Duration.minutes(5),
        )

        access_logs = logs.LogGroup(self, "ApiAccessLogs", retention=logs.RetentionDays.ONE_MONTH)

        api = apigateway.RestApi(
            self,
            "ProductsApi",
            rest_api_name=f"products-{stage}",
            deploy_options=apigateway.StageOptions(
                stage_name=stage,
                access_log_destination=apigateway.LogGroupLogDestination(access_logs),
                access_log_format=apigateway.AccessLogFormat.json_with_standard_fields(),
                logging_level=apigateway.MethodLoggingLevel.ERROR,
                metrics_enabled=True,
            ),
            default_method_options=apigateway.MethodOptions(
                authorizer=authorizer,
                authorization_type=apigateway.AuthorizationType.CUSTOM,
            ),
        )

        products = api.root.add_resource("products")
        products.add_method("GET", apigateway.LambdaIntegration(list_fn), api_key_required=True)

        plan = api.add_usage_plan(
            "PartnerPlan",
            name=f"partners-{stage}",
            throttle=apigateway.ThrottleSettings(rate_limit=20, burst_limit=40),
            quota=apigateway.QuotaSettings(limit=100000, period=apigateway.Period.MONTH),
        )
        plan.add_api_stage(stage=api.deployment_stage)
        key = api.add_api_key("PartnerKey", api_key_name=f"partner-{stage}")
        plan.add_api_key(key)

        cloudwatch.Alarm(
            self,
            "ClientErrorsAlarm",
            metric=api.metric_4xx(),
            threshold=100,
            evaluation_periods=3,
        )
        cloudwatch.Alarm(
            self,
            "LatencyAlarm",
            metric=api.metric_latency().with_statistic("p99"),
            threshold=2000,
            evaluation_periods=3,
        )

        CfnOutput(self, "ApiUrl", value=api.url)
