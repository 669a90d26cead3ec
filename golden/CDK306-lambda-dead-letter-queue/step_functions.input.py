from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_stepfunctions_tasks as tasks
from constructs import Construct


class FlowStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        check = lambda_.Function(self, "Check", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=lambda_.Code.from_asset("src"))
        notify = lambda_.Function(self, "Notify", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=lambda_.Code.from_asset("src"))
        tasks.LambdaInvoke(self, "CheckTask", lambda_function=check)
        tasks.LambdaInvoke(self, "NotifyTask", lambda_function=notify,
                           invocation_type=tasks.LambdaInvocationType.EVENT)
