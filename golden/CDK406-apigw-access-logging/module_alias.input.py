from aws_cdk import Stack
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, handler: lambda_.IFunction, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        api = apigw.RestApi(self, "Orders", deploy_options=apigw.StageOptions(stage_name="prod"))
        api.root.add_method("GET", apigw.LambdaIntegration(handler))
        apigw.LambdaRestApi(self, "Proxy", handler=handler)
        logged = logs.LogGroup(self, "Logged")
        apigw.RestApi(
            self,
            "Logged",
            deploy_options=apigw.StageOptions(
                access_log_destination=apigw.LogGroupLogDestination(logged),
                access_log_format=apigw.AccessLogFormat.clf(),
                logging_level=apigw.MethodLoggingLevel.ERROR,
            ),
        )
        # access logs there, execution logs missing: only those are added
        apigw.RestApi(
            self,
            "Half",
            deploy_options=apigw.StageOptions(access_log_destination=apigw.LogGroupLogDestination(logged)),
        )
