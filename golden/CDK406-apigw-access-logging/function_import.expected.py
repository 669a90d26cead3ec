from constructs import Construct
from aws_cdk import aws_logs as logs


def make_api(scope: Construct, name: str):
    from aws_cdk import aws_apigateway as gw

    api_access_logs = logs.LogGroup(scope, "ApiAccessLogs")
    return gw.RestApi(
        scope,
        name,
        deploy_options=gw.StageOptions(
            access_log_destination=gw.LogGroupLogDestination(api_access_logs),
            access_log_format=gw.AccessLogFormat.json_with_standard_fields(
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
            logging_level=gw.MethodLoggingLevel.INFO,
            metrics_enabled=True,
        ),
    )
