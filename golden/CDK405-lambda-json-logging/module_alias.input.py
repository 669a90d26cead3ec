from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, log_format: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        code = lambda_.Code.from_asset("lambda")
        rt = lambda_.Runtime.PYTHON_3_12
        lambda_.Function(self, "Plain", runtime=rt, handler="index.handler", code=code)
        # deprecated spelling of JSON: replaced (both together fail synth)
        lambda_.Function(self, "Deprecated", runtime=rt, handler="index.handler", code=code, log_format="JSON")
        lambda_.Function(self, "Json", runtime=rt, handler="index.handler", code=code,
                         logging_format=lambda_.LoggingFormat.JSON)
        # chosen plain text: unsafe
        lambda_.Function(self, "Text", runtime=rt, handler="index.handler", code=code,
                         logging_format=lambda_.LoggingFormat.TEXT)
        lambda_.Function(self, "OldText", runtime=rt, handler="index.handler", code=code,
                         log_format=lambda_.LogFormat.TEXT)
        # computed by the caller: left alone
        lambda_.Function(self, "Computed", runtime=rt, handler="index.handler", code=code, log_format=log_format)
        # log levels need JSON (synth fails without it): the fix makes them valid
        lambda_.Function(self, "Levels", runtime=rt, handler="index.handler", code=code,
                         application_log_level_v2=lambda_.ApplicationLogLevel.INFO)
