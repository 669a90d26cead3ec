from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(self, "Tmp", removal_policy=RemovalPolicy.DESTROY, auto_delete_objects=True)  # remediator: ignore[CDK304]
        tmp = s3.Bucket(self, "Tmp2")
        tmp.apply_removal_policy(RemovalPolicy.DESTROY)  # remediator: ignore[retain-stateful-data]
        s3.Bucket(self, "Data", removal_policy=RemovalPolicy.RETAIN)
