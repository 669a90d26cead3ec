# A bucket policy document the file builds already denies plain HTTP: unchanged.
from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3
from constructs import Construct


class StorageStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        bucket = s3.Bucket(self, "Data", block_public_access=s3.BlockPublicAccess.BLOCK_ALL)
        policy = s3.BucketPolicy(self, "DataPolicy", bucket=bucket)
        policy.document.add_statements(iam.PolicyStatement(
            effect=iam.Effect.DENY,
            actions=["s3:*"],
            principals=[iam.AnyPrincipal()],
            resources=[bucket.bucket_arn, bucket.arn_for_objects("*")],
            conditions={"Bool": {"aws:SecureTransport": "false"}},
        ))

        raw = s3.CfnBucket(self, "Raw", public_access_block_configuration=s3.CfnBucket.PublicAccessBlockConfigurationProperty(
            block_public_acls=True, block_public_policy=True, ignore_public_acls=True, restrict_public_buckets=True))
        s3.CfnBucketPolicy(self, "RawPolicy", bucket=raw.ref, policy_document={
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Deny",
                "Principal": "*",
                "Action": "s3:*",
                "Resource": [raw.attr_arn, f"{raw.attr_arn}/*"],
                "Condition": {"Bool": {"aws:SecureTransport": "false"}},
            }],
        })
