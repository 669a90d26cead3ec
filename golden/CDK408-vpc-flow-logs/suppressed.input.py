from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2
from constructs import Construct


class NetworkStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        sandbox = ec2.Vpc(self, "Sandbox")  # remediator: ignore[CDK408]
        lab = ec2.Vpc(self, "Lab")  # remediator: ignore[vpc-flow-logs]
