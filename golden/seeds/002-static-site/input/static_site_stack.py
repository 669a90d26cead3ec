import aws_cdk as cdk
from aws_cdk import aws_certificatemanager as acm
from aws_cdk import aws_cloudfront as cloudfront
from aws_cdk import aws_cloudfront_origins as origins
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_secretsmanager as secretsmanager
from aws_cdk import aws_wafv2 as wafv2
from constructs import Construct


class StaticSiteStack(cdk.Stack):
    """A "production-grade" static site: content bucket behind CloudFront with a certificate and
    a WAF web ACL, a cache volume, an API secret and a monitoring role."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.environment = self.node.try_get_context("environment")

        key = kms.Key(self, "SiteKey", removal_policy=cdk.RemovalPolicy.DESTROY)
        content = s3.Bucket(
            self,
            "StaticContent",
            bucket_name=f"static-content-{self.account}-{self.region}",
            encryption=s3.BucketEncryption.KMS,
            encryption_key=key,
            removal_policy=cdk.RemovalPolicy.DESTROY,
            auto_delete_objects=True,
        )
        volume = ec2.Volume(
            self,
            "CacheVolume",
            availability_zone="us-west-2a",
            size=cdk.Size.gibibytes(20),
            encrypted=True,
            encryption_key=key,
            removal_policy=cdk.RemovalPolicy.DESTROY,
        )
        api_secret = secretsmanager.Secret(
            self,
            "ApiSecret",
            secret_string_value=cdk.SecretValue.unsafe_plain_text("placeholder-key"),
        )
        certificate = acm.Certificate(self, "SiteCert", domain_name="example.com")
        acl = wafv2.CfnWebACL(
            self,
            "SiteAcl",
            scope="CLOUDFRONT",
            default_action=wafv2.CfnWebACL.DefaultActionProperty(allow={}),
            visibility_config=wafv2.CfnWebACL.VisibilityConfigProperty(
                cloud_watch_metrics_enabled=True, metric_name="site", sampled_requests_enabled=True
            ),
        )
        cloudfront.Distribution(
            self,
            "SiteDistribution",
            default_behavior=cloudfront.BehaviorOptions(origin=origins.S3Origin(content)),
            domain_names=["example.com"],
            certificate=certificate,
            web_acl_id=acl.attr_arn,
        )
        role = iam.Role(self, "CloudWatchRole", assumed_by=iam.ServicePrincipal("ec2.amazonaws.com"))
        role.add_managed_policy(iam.ManagedPolicy.from_aws_managed_policy_name("CloudWatchFullAccess"))
        cdk.CfnOutput(self, "ApiSecretArn", value=api_secret.secret_arn)
        cdk.CfnOutput(self, "Environment", value=self.environment)
