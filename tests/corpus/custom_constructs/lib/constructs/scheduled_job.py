from aws_cdk import Duration
from aws_cdk import aws_events as events
from aws_cdk import aws_events_targets as targets
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class ScheduledJob(Construct):
    def __init__(self, scope: Construct, construct_id: str, *, schedule: events.Schedule, asset: str,
                 environment: dict | None = None) -> None:
        super().__init__(scope, construct_id)
        self.function = lambda_.Function(
            self,
            "Function",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="job.run",
            code=lambda_.Code.from_asset(asset),
            timeout=Duration.minutes(15),
            environment=environment or {},
        )
        events.Rule(self, "Schedule", schedule=schedule, targets=[targets.LambdaFunction(self.function)])
