from aws_cdk import RemovalPolicy as Policy
from aws_cdk import Stack
from aws_cdk.aws_efs import FileSystem
from aws_cdk.aws_ec2 import Vpc
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = Vpc(self, "Vpc", max_azs=2)
        FileSystem(self, "Shared", vpc=vpc, removal_policy=Policy.DESTROY)
