import aws_cdk as cdk
import aws_cdk.aws_lambda as awslambda
from aws_cdk.aws_lambda import CfnFunction, DockerImageCode, DockerImageFunction
from constructs import Construct


class FormsStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        DockerImageFunction(self, "Image", code=DockerImageCode.from_ecr(repository=None))
        CfnFunction(
            self,
            "L1",
            role="arn:aws:iam::111122223333:role/x",
            code=CfnFunction.CodeProperty(zip_file="x"),
        )
        cdk.aws_lambda.Function(self, "Dotted", runtime=awslambda.Runtime.PYTHON_3_12, handler="index.handler",
                                code=awslambda.Code.from_inline("x = 1"))


def nodejs(scope: Construct) -> None:
    from aws_cdk import aws_lambda_nodejs as nodejs_fn

    nodejs_fn.NodejsFunction(scope, "Node", entry="index.ts")
