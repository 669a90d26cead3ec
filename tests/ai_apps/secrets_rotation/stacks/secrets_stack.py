from aws_cdk import CfnOutput, Duration, Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct


class ApiSecretsStack(Stack):
    """Third-party API credentials in Secrets Manager, encrypted with a CMK and rotated every 30 days."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        key = kms.Key(self, "SecretsKey", enable_key_rotation=True, description="Secrets encryption")

        api_secret = secretsmanager.Secret(
            self,
            "PaymentsApiSecret",
            description="Credentials for the payments provider",
            encryption_key=key,
            secret_object_value={
                "client_id": secretsmanager.SecretValue.unsafe_plain_text("payments-client"),
                "api_key": secretsmanager.SecretValue.unsafe_plain_text("replace-me"),
            },
        )

        rotation_fn = lambda_.Function(
            self,
            "RotationFunction",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="rotate.handler",
            code=lambda_.Code.from_asset("lambda/rotation"),
            timeout=Duration.seconds(30),
            environment={"AWS_REGION": self.region},
        )
        api_secret.grant_read(rotation_fn)
        api_secret.grant_write(rotation_fn)
        rotation_fn.add_to_role_policy(
            iam.PolicyStatement(
                actions=["secretsmanager:DescribeSecret", "secretsmanager:UpdateSecretVersionStage"],
                resources=[api_secret.secret_arn],
            )
        )

        api_secret.add_rotation_schedule(
            "Rotation",
            rotation_lambda=rotation_fn,
            automatically_after=Duration.days(30),
        )

        # consumers read the secret by name
        reader = iam.Role(self, "ConsumerRole", assumed_by=iam.ServicePrincipal("ecs-tasks.amazonaws.com"))
        api_secret.grant_read(reader)

        CfnOutput(self, "SecretArn", value=api_secret.secret_arn)
