from aws_cdk import Stack, aws_s3 as s3, aws_sns as sns
from constructs import Construct


class DynamicStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, kind: str) -> None:
        super().__init__(scope, construct_id)
        globals()[kind].Bucket(self, "Data")
