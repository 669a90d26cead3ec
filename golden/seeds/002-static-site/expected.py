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
    """Seed 002: a "production-grade" static site drafted by an assistant (see ../shared/seeds/002_*.txt)."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.environment_name = self.node.try_get_context("environment") or "dev"

        key = kms.Key(
            self, "SiteKey", removal_policy=cdk.RemovalPolicy.RETAIN, enable_key_rotation=True
        )
        cdk.CfnOutput(self, "SiteKeyArn", value=key.key_arn)
        content = s3.Bucket(
            self,
            "StaticContent",
            bucket_name=f"static-content-{self.account}-{self.region}",
            encryption=s3.BucketEncryption.KMS,
            encryption_key=key,
            removal_policy=cdk.RemovalPolicy.DESTROY,
            auto_delete_objects=True,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
        )
        cdk.CfnOutput(self, "StaticContentBucketArn", value=content.bucket_arn)
        volume = ec2.Volume(
            self,
            "CacheVolume",
            availability_zone="us-west-2a",
            size=cdk.Size.gibibytes(20),
            encrypted=True,
            encryption_key=key,
            removal_policy=cdk.RemovalPolicy.SNAPSHOT,
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
        site_distribution = cloudfront.Distribution(
            self,
            "SiteDistribution",
            default_behavior=cloudfront.BehaviorOptions(origin=origins.S3Origin(content)),
            domain_names=["example.com"],
            certificate=certificate,
            web_acl_id=acl.attr_arn,
        )
        cdk.CfnOutput(
            self,
            "SiteDistributionDomainName",
            value=site_distribution.distribution_domain_name,
        )
        role = iam.Role(self, "CloudWatchRole", assumed_by=iam.ServicePrincipal("ec2.amazonaws.com"))
        role.add_managed_policy(iam.ManagedPolicy.from_aws_managed_policy_name("CloudWatchFullAccess"))
        cdk.CfnOutput(self, "ApiSecretArn", value=api_secret.secret_arn)
        cdk.CfnOutput(self, "Environment", value=self.environment_name)
