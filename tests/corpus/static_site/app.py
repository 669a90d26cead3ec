#!/usr/bin/env python3
"""Static marketing site: S3 origin behind CloudFront."""
import aws_cdk as cdk
from aws_cdk import (
    Stack,
    RemovalPolicy,
    aws_s3 as s3,
    aws_s3_deployment as s3deploy,
    aws_cloudfront as cloudfront,
    aws_cloudfront_origins as origins,
)
from constructs import Construct


class StaticSiteStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        site_bucket = s3.Bucket(
            self,
            "SiteBucket",
            removal_policy=RemovalPolicy.DESTROY,
            auto_delete_objects=True,
        )

        logs_bucket = s3.Bucket(self, "AccessLogs", object_ownership=s3.ObjectOwnership.OBJECT_WRITER)

        distribution = cloudfront.Distribution(
            self,
            "SiteDistribution",
            default_root_object="index.html",
            default_behavior=cloudfront.BehaviorOptions(
                origin=origins.S3BucketOrigin.with_origin_access_control(site_bucket),
                viewer_protocol_policy=cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
            ),
            enable_logging=True,
            log_bucket=logs_bucket,
        )

        s3deploy.BucketDeployment(
            self,
            "DeploySite",
            sources=[s3deploy.Source.asset("./site")],
            destination_bucket=site_bucket,
            distribution=distribution,
        )

        cdk.CfnOutput(self, "DistributionDomain", value=distribution.distribution_domain_name)


app = cdk.App()
StaticSiteStack(app, "StaticSiteStack")
app.synth()
