from aws_cdk import Stack
from aws_cdk.aws_lambda import Code, Function, Runtime
from aws_cdk.aws_lambda_nodejs import NodejsFunction
from constructs import Construct


class WebStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        Function(self, "Fn", runtime=Runtime.PYTHON_3_12, handler="index.handler",
                 code=Code.from_inline("def handler(e, c):\n    return 1"), environment={"LAMBDA_TASK_ROOT": "/var/task"})
        NodejsFunction(
            self,
            "Web",
            entry="lambda/web.ts",
            environment={"AWS_EXECUTION_ENV": "AWS_Lambda_nodejs20.x", "MODE": "web"},
        )
