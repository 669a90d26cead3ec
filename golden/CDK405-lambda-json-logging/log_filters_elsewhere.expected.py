from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_logs_destinations as destinations
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        trail_logs = logs.LogGroup(self, "TrailLogs")
        # the function is the destination of another log group's filter: its own lines are not filtered
        forwarder = lambda_.Function(self, "Forwarder", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                                     code=lambda_.Code.from_asset("lambda"),
                                     logging_format=lambda_.LoggingFormat.JSON)
        logs.SubscriptionFilter(self, "Forward", log_group=trail_logs,
                                destination=destinations.LambdaDestination(forwarder),
                                filter_pattern=logs.FilterPattern.all_events())
        # a filter on the function's own log group: unsafe
        watched = lambda_.Function(self, "Watched", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                                   code=lambda_.Code.from_asset("lambda"))
        watched.log_group.add_metric_filter("Errors", metric_namespace="App", metric_name="Errors",
                                            filter_pattern=logs.FilterPattern.literal("ERROR"))
