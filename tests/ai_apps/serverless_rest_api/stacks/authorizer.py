from aws_cdk import Duration
from aws_cdk import aws_lambda as lambda_
from constructs import Construct

AUTHORIZER_CODE = """
def handler(event, context):
    token = event.get("authorizationToken", "")
    effect = "Allow" if token == "Bearer allow" else "Deny"
    return {
        "principalId": "user",
        "policyDocument": {
            "Version": "2012-10-17",
            "Statement": [{"Action": "execute-api:Invoke", "Effect": effect, "Resource": event["methodArn"]}],
        },
    }
"""


def token_authorizer_function(scope: Construct) -> lambda_.Function:
    return lambda_.Function(
        scope,
        "TokenAuthorizerFn",
        runtime=lambda_.Runtime.PYTHON_3_12,
        handler="index.handler",
        code=lambda_.Code.from_inline(AUTHORIZER_CODE),
        timeout=Duration.seconds(3),
    )
