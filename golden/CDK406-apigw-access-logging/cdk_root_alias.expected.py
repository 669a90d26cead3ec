import aws_cdk as cdk
from constructs import Construct


class ApiStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, definition, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        api_access_logs = cdk.aws_logs.LogGroup(self, "SpecAccessLogs")
        self.api = cdk.aws_apigateway.SpecRestApi(
            self,
            "Spec",
            api_definition=definition,
            deploy_options=cdk.aws_apigateway.StageOptions(
                stage_name="prod",
                tracing_enabled=True,
                access_log_destination=cdk.aws_apigateway.LogGroupLogDestination(api_access_logs),
                access_log_format=cdk.aws_apigateway.AccessLogFormat.json_with_standard_fields(
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
                logging_level=cdk.aws_apigateway.MethodLoggingLevel.INFO,
                metrics_enabled=True,
            ),
        )
