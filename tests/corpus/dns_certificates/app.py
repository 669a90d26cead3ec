from aws_cdk import App, Stack, Environment
from aws_cdk import aws_route53 as route53
from aws_cdk import aws_certificatemanager as acm
from aws_cdk import aws_cloudfront as cloudfront
from aws_cdk import aws_cloudfront_origins as origins
from aws_cdk import aws_route53_targets as route53_targets
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_wafv2 as wafv2
from constructs import Construct


class EdgeStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, domain: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        zone = route53.HostedZone.from_lookup(self, "Zone", domain_name=domain)
        cert = acm.Certificate(self, "Cert", domain_name=f"www.{domain}",
                               validation=acm.CertificateValidation.from_dns(zone))

        acl = wafv2.CfnWebACL(
            self, "EdgeAcl",
            scope="CLOUDFRONT",
            default_action=wafv2.CfnWebACL.DefaultActionProperty(allow={}),
            visibility_config=wafv2.CfnWebACL.VisibilityConfigProperty(
                cloud_watch_metrics_enabled=True, metric_name="edge", sampled_requests_enabled=True),
            rules=[],
        )

        origin_bucket = s3.Bucket(self, "Origin", enforce_ssl=True)
        dist = cloudfront.Distribution(
            self, "Cdn",
            default_behavior=cloudfront.BehaviorOptions(origin=origins.S3BucketOrigin.with_origin_access_control(origin_bucket)),
            domain_names=[f"www.{domain}"],
            certificate=cert,
            web_acl_id=acl.attr_arn,
        )
        route53.ARecord(self, "Www", zone=zone, record_name="www",
                        target=route53.RecordTarget.from_alias(route53_targets.CloudFrontTarget(dist)))


app = App()
EdgeStack(app, "Edge", domain="example.com", env=Environment(account="123456789012", region="eu-west-1"))
app.synth()
