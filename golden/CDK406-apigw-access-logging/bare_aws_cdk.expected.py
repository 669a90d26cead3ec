import aws_cdk
import constructs


class ApiStack(aws_cdk.Stack):
    def __init__(self, scope: constructs.Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        api_access_logs = aws_cdk.aws_logs.LogGroup(self, "OrdersAccessLogs2")
        aws_cdk.aws_apigateway.RestApi(
            self,
            "Orders",
            deploy_options=aws_cdk.aws_apigateway.StageOptions(
                access_log_destination=aws_cdk.aws_apigateway.LogGroupLogDestination(
                    api_access_logs,
                ),
                access_log_format=aws_cdk.aws_apigateway.AccessLogFormat.json_with_standard_fields(
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
                logging_level=aws_cdk.aws_apigateway.MethodLoggingLevel.INFO,
                metrics_enabled=True,
            ),
        )
        aws_cdk.aws_s3.Bucket(self, "OrdersAccessLogs")  # the id the fix would take is used already
