from aws_cdk import Duration, RemovalPolicy, Stack
from aws_cdk.aws_s3 import Bucket, BucketEncryption
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        Bucket(self, "Data", removal_policy=RemovalPolicy.RETAIN)
