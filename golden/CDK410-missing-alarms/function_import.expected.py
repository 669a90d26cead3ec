from constructs import Construct
from aws_cdk import aws_cloudwatch as cloudwatch


def make_handler(scope: Construct, name: str):
    from aws_cdk import aws_lambda as fn_lib

    handler = fn_lib.Function(scope, name, runtime=fn_lib.Runtime.PYTHON_3_12, handler="index.handler",
                              code=fn_lib.Code.from_asset("src"))
    handler.metric_errors().create_alarm(
        scope,
        "FunctionErrorsAlarm",
        threshold=1,
        evaluation_periods=1,
        treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
    )
    return handler
