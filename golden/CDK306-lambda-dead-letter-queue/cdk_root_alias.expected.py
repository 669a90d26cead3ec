import aws_cdk as cdk
from constructs import Construct


class ScheduleStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        nightly_dlq = cdk.aws_sqs.Queue(
            self,
            "NightlyDlq",
            encryption=cdk.aws_sqs.QueueEncryption.SQS_MANAGED,
            enforce_ssl=True,
            retention_period=cdk.Duration.days(14),
        )
        self.nightly = cdk.aws_lambda.Function(
            self,
            "Nightly",
            runtime=cdk.aws_lambda.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=cdk.aws_lambda.Code.from_asset("src"),
            dead_letter_queue=nightly_dlq,
        )
        cdk.aws_events.Rule(
            self,
            "Schedule",
            schedule=cdk.aws_events.Schedule.cron(hour="3", minute="0"),
            targets=[cdk.aws_events_targets.LambdaFunction(self.nightly)],
        )
