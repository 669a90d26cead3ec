from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_ec2 as ec2
from constructs import Construct


class SpreadPropsStack(Stack):
    """Deprecated keywords passed through `**props`: reported, not rewritten."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        table_props = {
            "partition_key": dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
            "billing_mode": dynamodb.BillingMode.PAY_PER_REQUEST,
            "point_in_time_recovery": True,
            "removal_policy": RemovalPolicy.RETAIN,
        }
        dynamodb.Table(self, "Orders", **table_props)
        ec2.Vpc(self, "Vpc", **dict(cidr="10.0.0.0/16", max_azs=2))
