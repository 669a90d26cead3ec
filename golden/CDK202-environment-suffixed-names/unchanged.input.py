import aws_cdk as cdk
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_iam as iam
from aws_cdk import aws_route53 as route53
from aws_cdk import aws_s3 as s3
from constructs import Construct


class UnchangedStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, bucket_name: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        stage = self.node.try_get_context("stage") or "dev"
        s3.Bucket(self, "Generated")
        s3.Bucket(self, "GeneratedIfNeeded", bucket_name=cdk.PhysicalName.GENERATE_IF_NEEDED)
        s3.Bucket(self, "Explicit", bucket_name=None)
        s3.Bucket(self, "Given", bucket_name=bucket_name)
        s3.Bucket(self, "Suffixed", bucket_name=f"acme-logs-{stage}")
        s3.Bucket(self, "Prod", bucket_name="acme-prod-reports")
        s3.Bucket(self, "Staging", bucket_name="acmeStagingExports")
        s3.Bucket(self, "PerStack", bucket_name=f"{self.stack_name}-exports")
        s3.Bucket(self, "Prefixed", bucket_name=f"{construct_id.lower()}-exports")
        s3.Bucket(self, "Joined", bucket_name="acme-" + stage)
        ec2.Vpc(self, "Network", vpc_name="acme-network")
        apigw.RestApi(self, "Api", rest_api_name="acme-api")
        iam.Policy(self, "Inline", policy_name="acme-inline")
        zone = route53.HostedZone(self, "Zone", zone_name="acme.example")
        route53.ARecord(self, "Www", zone=zone, record_name="www", target=route53.RecordTarget.from_ip_addresses("1.2.3.4"))
