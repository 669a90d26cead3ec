from aws_cdk import Stack
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, handler: lambda_.IFunction, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        api_access_logs = logs.LogGroup(self, "OrdersAccessLogs")
        api = apigw.RestApi(
            self,
            "Orders",
            deploy_options=apigw.StageOptions(
                stage_name="prod",
                access_log_destination=apigw.LogGroupLogDestination(api_access_logs),
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
        api.root.add_method("GET", apigw.LambdaIntegration(handler))
        api_access_logs_2 = logs.LogGroup(self, "ProxyAccessLogs")
        apigw.LambdaRestApi(
            self,
            "Proxy",
            handler=handler,
            deploy_options=apigw.StageOptions(
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
        logged = logs.LogGroup(self, "Logged")
        apigw.RestApi(
            self,
            "Logged",
            deploy_options=apigw.StageOptions(
                access_log_destination=apigw.LogGroupLogDestination(logged),
                access_log_format=apigw.AccessLogFormat.clf(),
                logging_level=apigw.MethodLoggingLevel.ERROR,
            ),
        )
        # access logs there, execution logs missing: only those are added
        apigw.RestApi(
            self,
            "Half",
            deploy_options=apigw.StageOptions(
                access_log_destination=apigw.LogGroupLogDestination(logged),
                logging_level=apigw.MethodLoggingLevel.INFO,
                metrics_enabled=True,
            ),
        )
