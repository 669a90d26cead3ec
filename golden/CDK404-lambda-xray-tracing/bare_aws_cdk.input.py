import aws_cdk
import constructs


class ApiStack(aws_cdk.Stack):
    def __init__(self, scope: constructs.Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        aws_cdk.aws_lambda.Function(
            self,
            "Handler",
            runtime=aws_cdk.aws_lambda.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=aws_cdk.aws_lambda.Code.from_asset("lambda"),
        )
        aws_cdk.aws_lambda.CfnFunction(self, "L1", code=aws_cdk.aws_lambda.CfnFunction.CodeProperty(zip_file="x"),
                                       role="arn:aws:iam::123456789012:role/app")
