import aws_cdk as cdk
from aws_cdk import aws_cloudfront as cloudfront
from aws_cdk import aws_cloudfront_origins as origins
from aws_cdk import aws_s3 as s3
from constructs import Construct


class SiteStack(cdk.Stack):
    """An unbound bucket is bound to a readable name first; one built inside an expression is reported."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(self, "Archive")
        if self.node.try_get_context("with-media"):
            s3.Bucket(self, "MediaBucket")
        cloudfront.Distribution(
            self,
            "SiteDistribution",
            default_behavior=cloudfront.BehaviorOptions(origin=origins.S3BucketOrigin(s3.Bucket(self, "Origin"))),
        )
