from aws_cdk import CfnOutput, Duration, RemovalPolicy, Stack
from aws_cdk import aws_iam as iam
from aws_cdk.aws_kms import Alias, Key, KeySpec, KeyUsage
from constructs import Construct

KEY_PURPOSES = {
    "data": "Encrypts application data at rest (S3, DynamoDB)",
    "logs": "Encrypts CloudWatch Logs log groups",
    "backups": "Encrypts AWS Backup vaults",
}


class SharedKeysStack(Stack):
    """Customer managed keys shared by the workload accounts, one per purpose, plus a signing key."""

    def __init__(self, scope: Construct, construct_id: str, *, consumer_accounts: list[str], **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.keys: dict[str, Key] = {}
        for purpose, description in KEY_PURPOSES.items():
            key = Key(
                self,
                f"{purpose.capitalize()}Key",
                description=description,
                enable_key_rotation=True,
                rotation_period=Duration.days(365),
                pending_window=Duration.days(30),
                removal_policy=RemovalPolicy.RETAIN,
            )
            Alias(self, f"{purpose.capitalize()}Alias", alias_name=f"alias/shared/{purpose}", target_key=key)
            for account in consumer_accounts:
                key.grant_encrypt_decrypt(iam.AccountPrincipal(account))
            self.keys[purpose] = key
            CfnOutput(self, f"{purpose.capitalize()}KeyArn", value=key.key_arn)

        # CloudWatch Logs must be allowed to use the logs key
        self.keys["logs"].add_to_resource_policy(
            iam.PolicyStatement(
                principals=[iam.ServicePrincipal(f"logs.{self.region}.amazonaws.com")],
                actions=["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                resources=["*"],
                conditions={
                    "ArnLike": {"kms:EncryptionContext:aws:logs:arn": f"arn:aws:logs:{self.region}:{self.account}:*"}
                },
            )
        )

        signing_key = Key(
            self,
            "ArtifactSigningKey",
            description="Signs release artifacts",
            key_spec=KeySpec.ECC_NIST_P256,
            key_usage=KeyUsage.SIGN_VERIFY,
            removal_policy=RemovalPolicy.RETAIN,
        )
        Alias(self, "SigningAlias", alias_name="alias/shared/signing", target_key=signing_key)

        ci_role = iam.Role(
            self,
            "ReleaseSignerRole",
            assumed_by=iam.ServicePrincipal("codebuild.amazonaws.com"),
            description="Used by the release pipeline to sign artifacts",
        )
        signing_key.grant(ci_role, "kms:Sign", "kms:GetPublicKey")
