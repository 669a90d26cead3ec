import aws_cdk as cdk
from constructs import Construct


class NetworkStack(cdk.Stack):
    """`import aws_cdk as cdk` only: a VPC without NAT gateways has public and isolated subnets."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = cdk.aws_ec2.Vpc(self, "Network", max_azs=2, nat_gateways=0)
        cdk.CfnOutput(self, "NetworkVpcId", value=vpc.vpc_id)
        cdk.CfnOutput(
            self,
            "NetworkVpcPublicSubnetIds",
            value=cdk.Fn.join(",", [subnet.subnet_id for subnet in vpc.public_subnets]),
        )
        cdk.CfnOutput(
            self,
            "NetworkVpcIsolatedSubnetIds",
            value=cdk.Fn.join(",", [subnet.subnet_id for subnet in vpc.isolated_subnets]),
        )
        site = cdk.aws_s3.Bucket(self, "Site")
        cdk.CfnOutput(self, "SiteBucketArn", value=site.bucket_arn)
        cdn_distribution = cdk.aws_cloudfront.Distribution(
            self,
            "Cdn",
            default_behavior=cdk.aws_cloudfront.BehaviorOptions(
                origin=cdk.aws_cloudfront_origins.S3BucketOrigin.with_origin_access_control(site)
            ),
        )
        cdk.CfnOutput(self, "CdnDomainName", value=cdn_distribution.distribution_domain_name)
