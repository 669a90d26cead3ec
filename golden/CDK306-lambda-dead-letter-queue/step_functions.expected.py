from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_stepfunctions_tasks as tasks
from aws_cdk import aws_sqs as sqs
from aws_cdk import Duration
from constructs import Construct


class FlowStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        check = lambda_.Function(self, "Check", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=lambda_.Code.from_asset("src"))
        notify_dlq = sqs.Queue(
            self,
            "NotifyDlq",
            encryption=sqs.QueueEncryption.SQS_MANAGED,
            enforce_ssl=True,
            retention_period=Duration.days(14),
        )
        notify = lambda_.Function(
            self,
            "Notify",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_asset("src"),
            dead_letter_queue=notify_dlq,
        )
        tasks.LambdaInvoke(self, "CheckTask", lambda_function=check)
        tasks.LambdaInvoke(self, "NotifyTask", lambda_function=notify,
                           invocation_type=tasks.LambdaInvocationType.EVENT)
