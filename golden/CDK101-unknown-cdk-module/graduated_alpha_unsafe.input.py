import aws_cdk.aws_apigatewayv2_alpha as apigwv2
from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from aws_cdk.aws_apigatewayv2_integrations_alpha import WebSocketLambdaIntegration
from aws_cdk.aws_lambda_python_alpha import PythonFunction
from constructs import Construct


class ChatStack(Stack):
    """Alpha modules that aws-cdk-lib now ships as stable modules, not installed here: moved to
    the stable module with --unsafe-fixes. aws_lambda_python_alpha has no stable module: left alone."""

    def __init__(self, scope: Construct, construct_id: str, handler: lambda_.IFunction, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        api = apigwv2.WebSocketApi(
            self,
            "Chat",
            connect_route_options=apigwv2.WebSocketRouteOptions(
                integration=WebSocketLambdaIntegration("Connect", handler),
            ),
        )
        apigwv2.WebSocketStage(self, "Prod", web_socket_api=api, stage_name="prod", auto_deploy=True)
        PythonFunction(self, "Worker", entry="worker")
