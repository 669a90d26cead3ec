import aws_cdk
import aws_cdk.aws_lambda as _lambda
from constructs import Construct


class EdgeStack(aws_cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        aws_cdk.aws_lambda.Function(
            self,
            "A",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=_lambda.Code.from_inline("def handler(e, c):\n    return 1"),
            environment={"_X_AMZN_TRACE_ID": "x"},
        )


def extra(stack: aws_cdk.Stack) -> None:
    from aws_cdk import aws_lambda as fn_lib

    fn = fn_lib.Function(
        stack,
        "B",
        runtime=fn_lib.Runtime.PYTHON_3_12,
        handler="index.handler",
        code=fn_lib.Code.from_inline("def handler(e, c):\n    return 1"),
    )
    fn.add_environment("AWS_REGION", stack.region)
