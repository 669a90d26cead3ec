from aws_cdk import Stack
from aws_cdk.aws_apigateway import AccessLogFormat, LogGroupLogDestination, RestApi, StageOptions
from aws_cdk.aws_logs import LogGroup, RetentionDays
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        log_group = LogGroup(self, "AccessLogs", retention=RetentionDays(90))
        RestApi(
            self,
            "Api",
            deploy_options=StageOptions(
                access_log_destination=LogGroupLogDestination(log_group),
                access_log_format=AccessLogFormat.json_with_standard_fields(),
            ),
        ).root.add_method("ANY")
