import aws_cdk as cdk
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_iam as iam
from aws_cdk import aws_rds as rds
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct


class SharedSecretsStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, role: iam.IRole, vpc: ec2.IVpc) -> None:
        super().__init__(scope, construct_id)
        named = secretsmanager.Secret(self, "ApiKey", secret_name="platform/api-key")
        listed = secretsmanager.Secret(self, "Listed")
        role.add_to_policy(iam.PolicyStatement(actions=["secretsmanager:GetSecretValue"],
                                               resources=[listed.secret_arn]))
        database = rds.DatabaseInstance(
            self,
            "Database",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16),
            vpc=vpc,
            credentials=rds.Credentials.from_generated_secret("dbadmin"),
        )
        cdk.CfnOutput(self, "DatabaseSecretArn", value=database.secret.secret_arn)
        granted = secretsmanager.Secret(self, "Granted")
        granted.grant_read(role)
