from constructs import Construct
from aws_cdk import aws_lambda as lambda_


def make_handler(scope: Construct, name: str):
    from aws_cdk.aws_lambda import Code, Function, Runtime

    return Function(
        scope,
        name,
        runtime=Runtime.PYTHON_3_12,
        handler="index.handler",
        code=Code.from_asset("src"),
        logging_format=lambda_.LoggingFormat.JSON,
    )
