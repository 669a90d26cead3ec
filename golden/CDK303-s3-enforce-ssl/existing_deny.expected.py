# Buckets that already deny plain HTTP in their policy: enforce_ssl=True would add a duplicate deny.
from aws_cdk import Stack, aws_iam as iam, aws_s3 as s3
from aws_cdk.aws_iam import AnyPrincipal, Effect, PolicyStatement
from constructs import Construct


class StorageStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        bucket = s3.Bucket(self, "Data", block_public_access=s3.BlockPublicAccess.BLOCK_ALL)
        bucket.add_to_resource_policy(iam.PolicyStatement(
            effect=iam.Effect.DENY,
            actions=["s3:*"],
            principals=[iam.AnyPrincipal()],
            resources=[bucket.bucket_arn, bucket.arn_for_objects("*")],
            conditions={"Bool": {"aws:SecureTransport": "false"}},
        ))

        logs = s3.Bucket(self, "Logs", block_public_access=s3.BlockPublicAccess.BLOCK_ALL)
        deny_http = PolicyStatement(
            effect=Effect.DENY,
            actions=["s3:*"],
            principals=[AnyPrincipal()],
            resources=[logs.bucket_arn, f"{logs.bucket_arn}/*"],
            conditions={"Bool": {"aws:SecureTransport": False}},
        )
        logs.add_to_resource_policy(deny_http)

        # from_json, and a deny that is not about TLS (still fixed)
        archive = s3.Bucket(self, "Archive")
        archive.add_to_resource_policy(iam.PolicyStatement.from_json({
            "Effect": "Deny",
            "Principal": {"AWS": "*"},
            "Action": "s3:*",
            "Resource": "*",
            "Condition": {"Bool": {"aws:SecureTransport": "false"}},
        }))
        other = s3.Bucket(self, "Other", enforce_ssl=True)
        other.add_to_resource_policy(iam.PolicyStatement(effect=iam.Effect.DENY, actions=["s3:DeleteObject"],
                                                         principals=[iam.AnyPrincipal()],
                                                         resources=[other.arn_for_objects("*")]))
