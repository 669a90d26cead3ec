from aws_cdk import Stack
from aws_cdk import aws_sns as sns
from aws_cdk import aws_stepfunctions as sfn
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_stepfunctions_tasks as tasks
from aws_cdk import aws_cloudwatch_actions as cw_actions
from constructs import Construct


class FlowStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        fn = lambda_.Function(
            self,
            "Worker",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return event\n"),
        )
        step = tasks.LambdaInvoke(self, "Invoke", lambda_function=fn)
        machine = sfn.StateMachine(self, "Flow", definition_body=sfn.DefinitionBody.from_chainable(step))
        topic = sns.Topic(self, "Done")
        machine.metric_failed().create_alarm(self, "Failed", threshold=1, evaluation_periods=1).add_alarm_action(
            cw_actions.SnsAction(topic)
        )
