from constructs import Construct


def make_handler(scope: Construct, name: str):
    from aws_cdk.aws_lambda import Code, Function, Runtime

    return Function(scope, name, runtime=Runtime.PYTHON_3_12, handler="index.handler", code=Code.from_asset("src"))
