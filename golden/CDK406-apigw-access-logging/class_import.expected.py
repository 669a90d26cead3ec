from aws_cdk import Stack
from aws_cdk.aws_apigateway import LambdaRestApi, StageOptions
from aws_cdk import aws_logs as logs
from aws_cdk import aws_apigateway as apigw
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, handler, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        api_access_logs = "a name the fix would take is used already"
        api_access_logs_2 = logs.LogGroup(self, "ProxyAccessLogs")
        LambdaRestApi(
            self,
            "Proxy",
            handler=handler,
            deploy_options=StageOptions(
                stage_name="live",
                access_log_destination=apigw.LogGroupLogDestination(api_access_logs_2),
                access_log_format=apigw.AccessLogFormat.json_with_standard_fields(
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
                logging_level=apigw.MethodLoggingLevel.INFO,
                metrics_enabled=True,
            ),
        )
