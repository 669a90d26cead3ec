from aws_cdk import core
from aws_cdk import aws_s3 as s3


class StorageStack(core.Stack):
    def __init__(self, scope: core.Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        bucket = s3.Bucket(self, "Data", removal_policy=core.RemovalPolicy.RETAIN)
        core.CfnOutput(self, "BucketName", value=bucket.bucket_name)


app = core.App()
StorageStack(app, "Storage", env=core.Environment(region="eu-west-1"))
app.synth()
