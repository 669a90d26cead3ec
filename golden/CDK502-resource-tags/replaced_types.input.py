from aws_cdk import Stack
from aws_cdk import aws_batch as batch
from aws_cdk import aws_ec2 as ec2
from constructs import Construct


class BatchStack(Stack):
    """Key pairs, placement groups and Batch compute environments take tags only at creation:
    excluded from the new tags (a new tag would replace them)."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc(self, "Vpc")
        ec2.KeyPair(self, "Admin")
        ec2.CfnPlacementGroup(self, "Cluster", strategy="cluster")
        batch.FargateComputeEnvironment(self, "Compute", vpc=vpc)
