from constructs import Construct


def make_handler(scope: Construct, name: str):
    from aws_cdk import aws_lambda

    return aws_lambda.Function(scope, name, runtime=aws_lambda.Runtime.PYTHON_3_12, handler="index.handler",
                               code=aws_lambda.Code.from_asset("src"),
                               tracing=aws_lambda.Tracing.ACTIVE)
