import aws_cdk as cdk
from constructs import Construct


class ApiStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.handler = cdk.aws_lambda_nodejs.NodejsFunction(
            self,
            "Handler",
            entry="src/handler.ts",
            tracing=cdk.aws_lambda.Tracing.ACTIVE,
        )
        cdk.aws_lambda.DockerImageFunction(
            self,
            "Image",
            code=cdk.aws_lambda.DockerImageCode.from_image_asset("img"),
            tracing=cdk.aws_lambda.Tracing.ACTIVE,
        )
