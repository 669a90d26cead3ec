import aws_cdk as cdk
from constructs import Construct


class ScheduleStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        self.nightly = cdk.aws_lambda.Function(
            self,
            "Nightly",
            runtime=cdk.aws_lambda.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=cdk.aws_lambda.Code.from_asset("src"),
        )
        cdk.aws_events.Rule(
            self,
            "Schedule",
            schedule=cdk.aws_events.Schedule.cron(hour="3", minute="0"),
            targets=[cdk.aws_events_targets.LambdaFunction(self.nightly)],
        )
