from aws_cdk import CfnOutput, Duration, Stack
from aws_cdk import aws_certificatemanager as acm
from aws_cdk import aws_route53 as route53
from constructs import Construct


class DnsStack(Stack):
    """Public hosted zone, a wildcard certificate, records for the API and a health check on it."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        zone_name = self.node.try_get_context("zone_name")
        api_ip = self.node.try_get_context("api_ip") or "203.0.113.10"

        zone = route53.PublicHostedZone(
            self,
            "PublicZone",
            zone_name=zone_name,
            comment=f"Public zone for {zone_name}",
        )

        cert = acm.Certificate(
            self,
            "WildcardCert",
            domain_name=f"*.{zone_name}",
            subject_alternative_names=[zone_name],
            validation=acm.CertificateValidation.from_dns(zone),
        )

        route53.ARecord(
            self,
            "ApiRecord",
            zone=zone,
            record_name=f"api.{zone_name}",
            target=route53.RecordTarget.from_ip_addresses(api_ip),
            ttl=Duration.minutes(5),
        )

        route53.CnameRecord(self, "WwwRecord", zone=zone, record_name="www", domain_name=f"app.{zone_name}")

        route53.TxtRecord(
            self,
            "SpfRecord",
            zone=zone,
            values=["v=spf1 include:amazonses.com ~all"],
        )

        route53.MxRecord(
            self,
            "MxRecord",
            zone=zone,
            values=[route53.MxRecordValue(host_name=f"inbound-smtp.us-east-1.amazonaws.com", priority=10)],
        )

        route53.CfnHealthCheck(
            self,
            "ApiHealthCheck",
            health_check_config=route53.CfnHealthCheck.HealthCheckConfigProperty(
                type="HTTPS",
                fully_qualified_domain_name=f"api.{zone_name}",
                resource_path="/health",
                request_interval=30,
                failure_threshold=3,
            ),
        )

        CfnOutput(self, "NameServers", value=",".join(zone.hosted_zone_name_servers or []))
        CfnOutput(self, "CertificateArn", value=cert.certificate_arn)
