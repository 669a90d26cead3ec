from aws_cdk import App, Stack, Duration, RemovalPolicy
from aws_cdk import aws_cognito as cognito
from aws_cdk import aws_apigateway as apigateway
from aws_cdk import aws_lambda as _lambda
from constructs import Construct


class MembersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        pool = cognito.UserPool(
            self, "Members",
            self_sign_up_enabled=True,
            sign_in_aliases=cognito.SignInAliases(email=True),
            password_policy=cognito.PasswordPolicy(min_length=12, require_symbols=True),
            mfa=cognito.Mfa.OPTIONAL,
            account_recovery=cognito.AccountRecovery.EMAIL_ONLY,
            removal_policy=RemovalPolicy.DESTROY,
        )
        pool.add_client("WebClient", auth_flows=cognito.AuthFlow(user_srp=True),
                        access_token_validity=Duration.hours(1))

        profile_fn = _lambda.Function(
            self, "Profile",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="profile.handler",
            code=_lambda.Code.from_asset("lambda"),
        )

        api = apigateway.RestApi(
            self, "MembersApi",
            deploy_options=apigateway.StageOptions(stage_name="v1", metrics_enabled=True),
        )
        authorizer = apigateway.CognitoUserPoolsAuthorizer(self, "Authorizer", cognito_user_pools=[pool])
        api.root.add_resource("profile").add_method(
            "GET",
            apigateway.LambdaIntegration(profile_fn),
            authorizer=authorizer,
            authorization_type=apigateway.AuthorizationType.COGNITO,
        )


app = App()
MembersStack(app, "Members")
app.synth()
