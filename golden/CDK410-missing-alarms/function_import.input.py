from constructs import Construct


def make_handler(scope: Construct, name: str):
    from aws_cdk import aws_lambda as fn_lib

    handler = fn_lib.Function(scope, name, runtime=fn_lib.Runtime.PYTHON_3_12, handler="index.handler",
                              code=fn_lib.Code.from_asset("src"))
    return handler
