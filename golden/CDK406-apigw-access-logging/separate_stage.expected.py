from aws_cdk import Stack
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_logs as logs
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        api = apigw.RestApi(self, "Orders", deploy=False)
        api.root.add_method("GET")
        deployment = apigw.Deployment(self, "Deployment", api=api)
        stage_access_logs = logs.LogGroup(self, "LiveAccessLogs")
        stage = apigw.Stage(
            self,
            "Live",
            deployment=deployment,
            stage_name="live",
            access_log_destination=apigw.LogGroupLogDestination(stage_access_logs),
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
        )
        api_access_logs = logs.LogGroup(self, "V2AccessLogs")
        options = apigw.StageOptions(
            stage_name="v2",
            metrics_enabled=True,
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
        )
        apigw.RestApi(self, "V2", deploy_options=options)
        apigw.RestApi(self, "Built", deploy_options=self.stage_options())

    def stage_options(self) -> apigw.StageOptions:
        return apigw.StageOptions(stage_name="built")
