from aws_cdk import Stack, aws_route53 as route53
from constructs import Construct


class HostedZoneStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, domain: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # the zone of the domain
        self.zone = route53.PublicHostedZone(self, "HostedZone", zone_name=domain)
