from aws_cdk import Stack
from aws_cdk import aws_elbv2 as elbv2
from aws_cdk import aws_storage as storage
from constructs import Construct


class OddStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        # elbv2 here holds a class that aws_elasticloadbalancingv2 does not have: no guess
        elbv2.Bucket(self, "Logs")
        # no module is close to "aws_storage"
        storage.Volume(self, "Disk")
