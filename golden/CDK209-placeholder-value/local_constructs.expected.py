from aws_cdk import App, Stack
from aws_cdk import aws_route53 as route53
from constructs import Construct


class DnsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, zone_name: str, admins: list, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        route53.PublicHostedZone(self, "Zone", zone_name=zone_name)


app = App()
DnsStack(app, "Dns", zone_name="mydomain.com", admins=["admin@example.org"])
app.synth()
