from aws_cdk import Duration, Stack
from constructs import Construct


def workflow(scope: Construct) -> None:
    from aws_cdk import aws_stepfunctions as sfn
    from aws_cdk import aws_stepfunctions_tasks as tasks
    from aws_cdk import aws_lambda as _lambda

    fn = _lambda.Function(
        scope,
        "Worker",
        runtime=_lambda.Runtime.PYTHON_3_12,
        handler="index.handler",
        code=_lambda.Code.from_inline("def handler(event, context):\n    return event\n"),
    )
    step = tasks.LambdaInvoke(scope, "Invoke", lambda_function=fn)
    sfn.StateMachine(scope, "Flow", definition_body=sfn.DefinitionBody.from_chainable(step), timeout=Duration.minutes(5))


class FlowStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        workflow(self)
