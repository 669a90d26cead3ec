import aws_cdk as cdk
from aws_cdk import aws_cloudfront as cloudfront
from aws_cdk import aws_cloudfront_origins as origins
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_logs as logs
from aws_cdk import aws_s3 as s3
from constructs import Construct

# Python's own attributes of classes and enums are valid
RETENTION_CHOICES = sorted(logs.RetentionDays.__members__)
BUCKET_CLASS_NAME = s3.Bucket.__name__


class Network(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        # CDK v1 names: v1's PRIVATE subnets had a NAT route (v2: PRIVATE_WITH_EGRESS), not isolated
        ec2.Vpc(
            self,
            "Vpc",
            max_azs=2,
            subnet_configuration=[
                ec2.SubnetConfiguration(name="public", subnet_type=ec2.SubnetType.PUBLIC),
                ec2.SubnetConfiguration(name="app", subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS),
                ec2.SubnetConfiguration(name="data", subnet_type=ec2.SubnetType.PRIVATE_ISOLATED),
            ],
        )
        bucket = s3.Bucket(self, "Site")
        cloudfront.Distribution(
            self,
            "Cdn",
            default_behavior=cloudfront.BehaviorOptions(
                origin=origins.S3BucketOrigin.with_origin_access_control(bucket),
                # HTTPS_ONLY or REDIRECT_TO_HTTPS: reported, not guessed
                viewer_protocol_policy=cloudfront.ViewerProtocolPolicy.HTTPS,
            ),
        )
        logs.LogGroup(self, "Logs", retention=logs.RetentionDays.ONE_WEEK)
        # a static method misspelled: `minus` is an instance method of another meaning
        self.timeout = cdk.Duration.mins(5)
        self.grace = cdk.Duration.days(1)
