import aws_cdk as cdk
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_iam as iam
from aws_cdk import aws_rds as rds
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct


class SharedSecretsStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, role: iam.IRole, vpc: ec2.IVpc) -> None:
        super().__init__(scope, construct_id)
        api_key_secret_key = cdk.aws_kms.Key(self, "ApiKeyKey", enable_key_rotation=True)
        named = secretsmanager.Secret(
            self,
            "ApiKey",
            secret_name="platform/api-key",
            encryption_key=api_key_secret_key,
        )
        listed_secret_key = cdk.aws_kms.Key(self, "ListedKey", enable_key_rotation=True)
        listed = secretsmanager.Secret(self, "Listed", encryption_key=listed_secret_key)
        role.add_to_policy(iam.PolicyStatement(actions=["secretsmanager:GetSecretValue"],
                                               resources=[listed.secret_arn]))
        database_secret_key = cdk.aws_kms.Key(self, "DatabaseSecretKey", enable_key_rotation=True)
        database = rds.DatabaseInstance(
            self,
            "Database",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16),
            vpc=vpc,
            credentials=rds.Credentials.from_generated_secret("dbadmin", encryption_key=database_secret_key),
        )
        cdk.CfnOutput(self, "DatabaseSecretArn", value=database.secret.secret_arn)
        granted_secret_key = cdk.aws_kms.Key(self, "GrantedKey", enable_key_rotation=True)
        granted = secretsmanager.Secret(self, "Granted", encryption_key=granted_secret_key)
        granted.grant_read(role)
