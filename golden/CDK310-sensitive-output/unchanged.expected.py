from aws_cdk import CfnOutput, Stack
from aws_cdk import aws_kms as kms
from aws_cdk import aws_s3 as s3
from constructs import Construct


class PlainStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        bucket = s3.Bucket(self, "Data")
        key = kms.Key(self, "Key", enable_key_rotation=True)
        CfnOutput(self, "BucketName", value=bucket.bucket_name)
        CfnOutput(self, "KeyArn", value=key.key_arn)
        CfnOutput(self, "SecretKeyArn", value=key.key_arn)
