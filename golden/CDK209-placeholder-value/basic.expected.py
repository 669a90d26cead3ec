import aws_cdk as cdk
from aws_cdk import aws_certificatemanager as acm
from aws_cdk import aws_cloudfront as cloudfront
from aws_cdk import aws_cloudfront_origins as origins
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct


class StaticSiteStack(cdk.Stack):
    """Seed 002: placeholder domains and secrets (this docstring's example.com is no finding)."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        content = s3.Bucket(self, "Content")
        secretsmanager.Secret(
            self,
            "ApiSecret",
            secret_string_value=cdk.SecretValue.unsafe_plain_text("placeholder-key"),
        )
        certificate = acm.Certificate(self, "SiteCert", domain_name="example.com")  # TODO: real domain
        cloudfront.Distribution(
            self,
            "SiteDistribution",
            default_behavior=cloudfront.BehaviorOptions(origin=origins.S3Origin(content)),
            domain_names=["www.example.com", "shop.acme.io"],
            certificate=certificate,
        )
