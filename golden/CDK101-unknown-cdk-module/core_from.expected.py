import aws_cdk as cdk
from aws_cdk import aws_s3 as s3
from constructs import Construct


class StorageStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        bucket = s3.Bucket(self, "Data", removal_policy=cdk.RemovalPolicy.RETAIN)
        cdk.CfnOutput(self, "BucketName", value=bucket.bucket_name)


app = cdk.App()
StorageStack(app, "Storage", env=cdk.Environment(region="eu-west-1"))
app.synth()
