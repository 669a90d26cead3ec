from aws_cdk import CfnOutput, Duration, Stack
from aws_cdk import aws_cognito as cognito
from aws_cdk import aws_lambda as lambda_
from aws_cdk.aws_apigatewayv2 import CorsHttpMethod, CorsPreflightOptions, HttpApi, HttpMethod
from aws_cdk.aws_apigatewayv2_authorizers import HttpUserPoolAuthorizer
from aws_cdk.aws_apigatewayv2_integrations import HttpLambdaIntegration
from constructs import Construct

PROFILE_HANDLER = """
import json

def handler(event, context):
    claims = event["requestContext"]["authorizer"]["jwt"]["claims"]
    return {
        "statusCode": 200,
        "headers": {"content-type": "application/json"},
        "body": json.dumps({"sub": claims.get("sub"), "email": claims.get("email")}),
    }
"""


class ProfileApiStack(Stack):
    """HTTP API protected by the Cognito user pool (JWT authorizer)."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        user_pool: cognito.IUserPool,
        user_pool_client: cognito.IUserPoolClient,
        **kwargs,
    ) -> None:
        super().__init__(scope, construct_id, **kwargs)

        profile_fn = lambda_.Function(
            self,
            "ProfileFunction",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline(PROFILE_HANDLER),
            timeout=Duration.seconds(5),
        )

        authorizer = HttpUserPoolAuthorizer(
            "CognitoAuthorizer",
            user_pool,
            user_pool_clients=[user_pool_client],
        )

        http_api = HttpApi(
            self,
            "ProfileApi",
            cors_preflight=CorsPreflightOptions(
                allow_origins=["http://localhost:3000"],
                allow_methods=[CorsHttpMethod.GET],
                allow_headers=["authorization"],
            ),
        )

        http_api.add_routes(
            path="/me",
            methods=[HttpMethod.GET],
            integration=HttpLambdaIntegration("ProfileIntegration", profile_fn),
            authorizer=authorizer,
        )

        CfnOutput(self, "ApiEndpoint", value=http_api.api_endpoint)
