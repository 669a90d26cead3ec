from aws_cdk import CfnOutput, Duration, RemovalPolicy, Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as _lambda
from aws_cdk import aws_logs as logs
import aws_cdk.aws_apigatewayv2_alpha as apigwv2
from aws_cdk.aws_apigatewayv2_integrations_alpha import WebSocketLambdaIntegration
from constructs import Construct


class ChatStack(Stack):
    """Serverless chat: API Gateway WebSocket API, Lambda route handlers, DynamoDB connection table."""

    def __init__(self, scope: Construct, construct_id: str, *, stage_name: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        connections = dynamodb.Table(
            self,
            "Connections",
            partition_key=dynamodb.Attribute(name="connectionId", type=dynamodb.AttributeType.STRING),
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
            time_to_live_attribute="ttl",
            point_in_time_recovery=True,
            removal_policy=RemovalPolicy.DESTROY,
        )

        def handler(name: str, entry: str) -> _lambda.Function:
            fn = _lambda.Function(
                self,
                name,
                runtime=_lambda.Runtime.PYTHON_3_12,
                handler=entry,
                code=_lambda.Code.from_asset("handlers"),
                timeout=Duration.seconds(10),
                environment={"CONNECTIONS_TABLE": connections.table_name},
                log_retention=logs.RetentionDays.SEVEN_DAYS,
            )
            connections.grant_read_write_data(fn)
            return fn

        connect_fn = handler("ConnectFn", "connections.connect")
        disconnect_fn = handler("DisconnectFn", "connections.disconnect")
        send_fn = handler("SendFn", "messages.send")

        ws_api = apigwv2.WebSocketApi(
            self,
            "ChatApi",
            connect_route_options=apigwv2.WebSocketRouteOptions(
                integration=WebSocketLambdaIntegration("ConnectIntegration", connect_fn)
            ),
            disconnect_route_options=apigwv2.WebSocketRouteOptions(
                integration=WebSocketLambdaIntegration("DisconnectIntegration", disconnect_fn)
            ),
        )
        ws_api.add_route("sendMessage", integration=WebSocketLambdaIntegration("SendIntegration", send_fn))

        stage = apigwv2.WebSocketStage(self, "ChatStage", web_socket_api=ws_api, stage_name=stage_name, auto_deploy=True)

        send_fn.add_to_role_policy(
            iam.PolicyStatement(
                actions=["execute-api:ManageConnections"],
                resources=[f"arn:aws:execute-api:{self.region}:{self.account}:{ws_api.api_id}/{stage_name}/POST/@connections/*"],
            )
        )

        CfnOutput(self, "WebSocketUrl", value=stage.url)
