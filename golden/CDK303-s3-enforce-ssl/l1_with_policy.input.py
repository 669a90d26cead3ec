from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class StorageStack(Stack):
    """An L1 bucket whose policy already denies plain HTTP: nothing to report."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        raw = s3.CfnBucket(self, "Raw")
        s3.CfnBucketPolicy(
            self,
            "RawPolicy",
            bucket=raw.ref,
            policy_document={
                "Version": "2012-10-17",
                "Statement": [{
                    "Effect": "Deny",
                    "Principal": "*",
                    "Action": "s3:*",
                    "Resource": [raw.attr_arn, f"{raw.attr_arn}/*"],
                    "Condition": {"Bool": {"aws:SecureTransport": "false"}},
                }],
            },
        )
