from aws_cdk import CfnOutput, Duration, Stack
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from constructs import Construct


class PublicApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        fn = lambda_.Function(
            self,
            "QuoteFunction",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline(
                "import json, random\n"
                "QUOTES = ['Simplicity is prerequisite for reliability.', 'Make it work, make it right.']\n"
                "def handler(event, context):\n"
                "    return {'statusCode': 200, 'body': json.dumps({'quote': random.choice(QUOTES)})}\n"
            ),
            timeout=Duration.seconds(5),
        )

        access_logs = logs.LogGroup(self, "AccessLogs", retention=logs.RetentionDays.THREE_MONTHS)

        api = apigw.RestApi(
            self,
            "QuotesApi",
            description="Public quotes API",
            endpoint_types=[apigw.EndpointType.REGIONAL],
            deploy_options=apigw.StageOptions(
                stage_name="prod",
                access_log_destination=apigw.LogGroupLogDestination(access_logs),
                access_log_format=apigw.AccessLogFormat.json_with_standard_fields(
                    caller=False,
                    http_method=True,
                    ip=True,
                    protocol=True,
                    request_time=True,
                    resource_path=True,
                    response_length=True,
                    status=True,
                    user=False,
                ),
                throttling_rate_limit=50,
                throttling_burst_limit=100,
            ),
        )
        api.root.add_resource("quote").add_method("GET", apigw.LambdaIntegration(fn))

        self.stage_arn = api.deployment_stage.stage_arn
        CfnOutput(self, "ApiUrl", value=api.url)
