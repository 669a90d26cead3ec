import aws_cdk as cdk
from constructs import Construct


class NetworkStack(cdk.Stack):
    """`import aws_cdk as cdk` only: a VPC without NAT gateways has public and isolated subnets."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = cdk.aws_ec2.Vpc(self, "Network", max_azs=2, nat_gateways=0)
        site = cdk.aws_s3.Bucket(self, "Site")
        cdk.aws_cloudfront.Distribution(
            self,
            "Cdn",
            default_behavior=cdk.aws_cloudfront.BehaviorOptions(
                origin=cdk.aws_cloudfront_origins.S3BucketOrigin.with_origin_access_control(site)
            ),
        )
