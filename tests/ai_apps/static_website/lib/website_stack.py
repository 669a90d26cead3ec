from aws_cdk import (
    Stack,
    RemovalPolicy,
    Duration,
    CfnOutput,
    aws_s3 as s3,
    aws_s3_deployment as s3deploy,
    aws_cloudfront as cloudfront,
    aws_cloudfront_origins as origins,
    aws_certificatemanager as acm,
    aws_route53 as route53,
    aws_route53_targets as targets,
)
from constructs import Construct


class StaticWebsiteStack(Stack):
    """Static website: private S3 bucket behind CloudFront with a custom domain."""

    def __init__(self, scope: Construct, construct_id: str, *, domain_name: str, subdomain: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        site_domain = f"{subdomain}.{domain_name}"

        zone = route53.HostedZone.from_lookup(self, "Zone", domain_name=domain_name)

        site_bucket = s3.Bucket(
            self,
            "SiteBucket",
            bucket_name=f"{construct_id}-site-{self.account}",
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            encryption=s3.BucketEncryption.S3_MANAGED,
            enforce_ssl=True,
            versioned=True,
            removal_policy=RemovalPolicy.DESTROY,
            auto_delete_objects=True,
        )

        certificate = acm.Certificate(
            self,
            "SiteCertificate",
            domain_name=site_domain,
            validation=acm.CertificateValidation.from_dns(zone),
        )

        distribution = cloudfront.Distribution(
            self,
            "SiteDistribution",
            default_root_object="index.html",
            domain_names=[site_domain],
            certificate=certificate,
            minimum_protocol_version=cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
            default_behavior=cloudfront.BehaviorOptions(
                origin=origins.S3BucketOrigin.with_origin_access_control(site_bucket),
                viewer_protocol_policy=cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                cache_policy=cloudfront.CachePolicy.CACHING_OPTIMIZED,
            ),
            error_responses=[
                cloudfront.ErrorResponse(
                    http_status=404,
                    response_http_status=404,
                    response_page_path="/404.html",
                    ttl=Duration.minutes(5),
                )
            ],
        )

        route53.ARecord(
            self,
            "SiteAliasRecord",
            zone=zone,
            record_name=site_domain,
            target=route53.RecordTarget.from_alias(targets.CloudFrontTarget(distribution)),
        )

        s3deploy.BucketDeployment(
            self,
            "DeploySite",
            sources=[s3deploy.Source.asset("./site")],
            destination_bucket=site_bucket,
            distribution=distribution,
            distribution_paths=["/*"],
        )

        CfnOutput(self, "SiteUrl", value=f"https://{site_domain}")
        CfnOutput(self, "DistributionId", value=distribution.distribution_id)
