import aws_cdk.aws_apigateway as apigateway
from aws_cdk import Stack
from aws_cdk import aws_logs as logs
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, options: dict, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        api_access_logs = logs.LogGroup(self, "ApiAccessLogs")
        apigateway.RestApi(
            self,
            "Api",
            description="orders",
            deploy_options=apigateway.StageOptions(
                access_log_destination=apigateway.LogGroupLogDestination(api_access_logs),
                access_log_format=apigateway.AccessLogFormat.json_with_standard_fields(
                    caller=True,
                    http_method=True,
                    ip=True,
                    protocol=True,
                    request_time=True,
                    resource_path=True,
                    response_length=True,
                    status=True,
                    user=True,
                ),
                logging_level=apigateway.MethodLoggingLevel.INFO,
                metrics_enabled=True,
            ),
        )
        apigateway.RestApi(self, "Spread", **options)
