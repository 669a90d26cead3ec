import aws_cdk as cdk
from aws_cdk import aws_lambda_nodejs as nodejs
from aws_cdk.aws_lambda import Code, Function, LogFormat, Runtime
from constructs import Construct


class FunctionsStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, fmt: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        cdk.aws_lambda.Function(
            self,
            "Api",
            runtime=cdk.aws_lambda.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=cdk.aws_lambda.Code.from_inline("def handler(e, c):\n    return 1"),
            logging_format=cdk.aws_lambda.LoggingFormat.JSON,
            application_log_level_v2=cdk.aws_lambda.ApplicationLogLevel.WARN,
            system_log_level_v2=cdk.aws_lambda.SystemLogLevel.DEBUG,
        )
        nodejs.NodejsFunction(
            self, "Web", entry="lambda/web.ts", logging_format=cdk.aws_lambda.LoggingFormat.TEXT
        )
        Function(
            self,
            "Dynamic",
            runtime=Runtime.PYTHON_3_12,
            handler="index.handler",
            code=Code.from_inline("def handler(e, c):\n    return 1"),
            log_format=fmt,  # not a literal: reported
        )
