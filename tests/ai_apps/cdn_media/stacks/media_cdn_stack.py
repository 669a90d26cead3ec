from aws_cdk import CfnOutput, Duration, RemovalPolicy, Stack, Tags
from aws_cdk import aws_kms as kms
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_wafv2 as wafv2
from aws_cdk.aws_cloudfront import (
    AllowedMethods,
    BehaviorOptions,
    CachePolicy,
    Distribution,
    HttpVersion,
    PriceClass,
    ViewerProtocolPolicy,
)
from aws_cdk.aws_cloudfront_origins import S3Origin
from constructs import Construct


class MediaCdnStack(Stack):
    """Media delivery: encrypted origin bucket, CloudFront with logging, and a CLOUDFRONT-scoped WAF."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        media_key = kms.Key(self, "MediaKey", enable_key_rotation=True)

        origin_bucket = s3.Bucket(
            self,
            "MediaOrigin",
            bucket_name=f"{construct_id}-origin-{self.account}",
            encryption=s3.BucketEncryption.S3_MANAGED,
            encryption_key=media_key,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
            removal_policy=RemovalPolicy.DESTROY,
        )

        log_bucket = s3.Bucket(
            self,
            "CdnLogs",
            bucket_name="media-cdn-access-logs",
            object_ownership=s3.ObjectOwnership.OBJECT_WRITER,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            lifecycle_rules=[s3.LifecycleRule(expiration=Duration.days(90))],
        )

        web_acl = wafv2.CfnWebACL(
            self,
            "CdnWebAcl",
            scope="CLOUDFRONT",
            default_action=wafv2.CfnWebACL.DefaultActionProperty(allow={}),
            visibility_config=wafv2.CfnWebACL.VisibilityConfigProperty(
                cloud_watch_metrics_enabled=True, metric_name="media-cdn", sampled_requests_enabled=True
            ),
            rules=[
                wafv2.CfnWebACL.RuleProperty(
                    name="CommonRules",
                    priority=1,
                    override_action=wafv2.CfnWebACL.OverrideActionProperty(none={}),
                    statement=wafv2.CfnWebACL.StatementProperty(
                        managed_rule_group_statement=wafv2.CfnWebACL.ManagedRuleGroupStatementProperty(
                            vendor_name="AWS", name="AWSManagedRulesCommonRuleSet"
                        )
                    ),
                    visibility_config=wafv2.CfnWebACL.VisibilityConfigProperty(
                        cloud_watch_metrics_enabled=True, metric_name="common", sampled_requests_enabled=True
                    ),
                )
            ],
        )

        distribution = Distribution(
            self,
            "MediaDistribution",
            default_behavior=BehaviorOptions(
                origin=S3Origin(origin_bucket),
                viewer_protocol_policy=ViewerProtocolPolicy.HTTPS_ONLY,
                allowed_methods=AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
                cache_policy=CachePolicy.CACHING_OPTIMIZED,
                compress=True,
            ),
            http_version=HttpVersion.HTTP2_AND_3,
            price_class=PriceClass.PRICE_CLASS_100,
            enable_logging=True,
            log_bucket=log_bucket,
            log_file_prefix="cloudfront/",
            web_acl_id=web_acl.attr_arn,
        )

        Tags.of(self).add("Service", "media")
        CfnOutput(self, "DistributionDomain", value=distribution.distribution_domain_name)
