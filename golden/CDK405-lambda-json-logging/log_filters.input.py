from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        log_group = logs.LogGroup(self, "Logs")
        fn = lambda_.Function(self, "Handler", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                              code=lambda_.Code.from_asset("lambda"), log_group=log_group)
        # a space-delimited pattern that expects the plain-text layout
        log_group.add_metric_filter("Errors", metric_namespace="App", metric_name="Errors",
                                    filter_pattern=logs.FilterPattern.space_delimited("time", "id", "level")
                                    .where_string("level", "=", "ERROR"))
