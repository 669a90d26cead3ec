import aws_cdk as cdk
from aws_cdk import aws_iam as iam
from aws_cdk.aws_kms import Key
from constructs import Construct


class SpellingsStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.key = Key(self, "AuditKey", enable_key_rotation=True)
        self.key.add_to_resource_policy(
            iam.PolicyStatement(
                sid="AllowCloudTrailToEncryptLogs",
                principals=[iam.ServicePrincipal("cloudtrail.amazonaws.com")],
                actions=["kms:GenerateDataKey*"],
                resources=["*"],
                conditions={
                    "StringLike": {
                        "kms:EncryptionContext:aws:cloudtrail:arn": (
                            f"arn:{cdk.Aws.PARTITION}:cloudtrail:*:{cdk.Aws.ACCOUNT_ID}:trail/*"
                        )
                    }
                },
            )
        )
        self.key.add_to_resource_policy(
            iam.PolicyStatement(
                sid="AllowCloudTrailToDescribeKey",
                principals=[iam.ServicePrincipal("cloudtrail.amazonaws.com")],
                actions=["kms:DescribeKey"],
                resources=["*"],
            )
        )
        self.trails()

    def trails(self) -> None:
        import aws_cdk.aws_cloudtrail as ct

        ct.Trail(self, "Management", encryption_key=self.key)
        cdk.aws_cloudtrail.Trail(self, "Second", encryption_key=self.key)
        Key(self, "Unused", enable_key_rotation=True)
        print(iam)
