from aws_cdk import CfnOutput, Stack
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sqs as sqs
from constructs import Construct


class FirstStack(Stack):
    """Output ids never collide with ids already in the file, nor with each other."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        sqs.Queue(self, "DataBucketArn")
        data = s3.Bucket(self, "Data")
        CfnOutput(self, "DataBucketArn2", value="taken")


class SecondStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        data = s3.Bucket(self, "Data")
