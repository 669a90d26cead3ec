from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3
from constructs import Construct


class MirrorStack(Stack):
    """Buckets made public by a bucket policy construct of their own (L2 BucketPolicy, L1
    CfnBucketPolicy with "Principal": "*"): BlockPublicPolicy would reject the policy on
    deployment, so they are only reported."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        mirror = s3.Bucket(self, "Mirror", enforce_ssl=True)
        policy = s3.BucketPolicy(self, "MirrorPolicy", bucket=mirror)
        policy.document.add_statements(
            iam.PolicyStatement(
                actions=["s3:GetObject"],
                principals=[iam.StarPrincipal()],
                resources=[mirror.arn_for_objects("*")],
            )
        )

        releases = s3.CfnBucket(self, "Releases")
        s3.CfnBucketPolicy(
            self,
            "ReleasesPolicy",
            bucket=releases.ref,
            policy_document={
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": {"AWS": "*"},
                        "Action": "s3:GetObject",
                        "Resource": releases.attr_arn + "/*",
                    }
                ],
            },
        )

        # the account only: fixed
        internal = s3.CfnBucket(
            self,
            "Internal",
            public_access_block_configuration=s3.CfnBucket.PublicAccessBlockConfigurationProperty(
                block_public_acls=True,
                block_public_policy=True,
                ignore_public_acls=True,
                restrict_public_buckets=True,
            ),
        )
        s3.CfnBucketPolicy(
            self,
            "InternalPolicy",
            bucket=internal.ref,
            policy_document={
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": {"AWS": self.account},
                        "Action": "s3:GetObject",
                        "Resource": internal.attr_arn + "/*",
                    }
                ],
            },
        )
