from aws_cdk import Stack
from aws_cdk import aws_events as events
from aws_cdk import aws_events_targets as targets
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class FleetStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, names: list) -> None:
        super().__init__(scope, construct_id)
        rule = events.Rule(self, "Every", schedule=events.Schedule.rate(Duration.hours(1)))
        for name in names:
            fn = lambda_.Function(self, name, runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=lambda_.Code.from_asset("src"))
            rule.add_target(targets.LambdaFunction(fn))
