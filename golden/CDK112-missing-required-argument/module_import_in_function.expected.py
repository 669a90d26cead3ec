import aws_cdk
import aws_cdk.aws_logs as logs
from constructs import Construct


def add_api(scope: Construct) -> None:
    from aws_cdk import aws_apigateway as apigateway

    log_group = logs.LogGroup(scope, "ApiLogs", retention=logs.RetentionDays.ONE_YEAR)
    fmt = apigateway.AccessLogFormat.json_with_standard_fields(
        caller=True,
        user=False,
        http_method=True,
        ip=True,
        protocol=True,
        request_time=True,
        resource_path=True,
        response_length=True,
        status=True,
    )
    apigateway.RestApi(
        scope,
        "Api",
        deploy_options=apigateway.StageOptions(access_log_destination=apigateway.LogGroupLogDestination(log_group),
                                               access_log_format=fmt),
    ).root.add_method("GET")


class ApiStack(aws_cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        add_api(self)
