from aws_cdk import Stack, Duration
from aws_cdk import aws_apigateway as apigateway
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.handler = lambda_.Function(
            self,
            "ApiHandler",
            runtime=lambda_.Runtime.PYTHON_3_11,
            handler="index.handler",
            code=lambda_.Code.from_inline(
                "def handler(event, context):\n"
                "    return {'statusCode': 200, 'body': 'hello'}\n"
            ),
            memory_size=256,
            timeout=Duration.seconds(5),
            tracing=lambda_.Tracing.ACTIVE,
        )

        self.api = apigateway.LambdaRestApi(
            self,
            "ServiceApi",
            handler=self.handler,
            deploy_options=apigateway.StageOptions(
                stage_name="v1",
                tracing_enabled=True,
                metrics_enabled=True,
                logging_level=apigateway.MethodLoggingLevel.INFO,
            ),
        )
