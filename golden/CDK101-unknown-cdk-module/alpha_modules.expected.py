import aws_cdk as cdk
from aws_cdk import aws_kinesisfirehose as firehose
from aws_cdk import aws_kinesisfirehose as destinations
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_lambda_python as lambda_python
from aws_cdk import aws_s3 as s3
from aws_cdk.aws_lambda_go import GoFunction
from constructs import Construct


class Functions(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        # CDK v1 experimental modules: in v2 they are separately installed *_alpha packages
        lambda_python.PythonFunction(self, "Py", entry="lambda", runtime=lambda_.Runtime.PYTHON_3_12)
        GoFunction(self, "Go", entry="cmd/api")
        # the Firehose destinations module became part of aws_kinesisfirehose when it went stable
        bucket = s3.Bucket(self, "Bucket")
        firehose.DeliveryStream(self, "Stream", destination=destinations.S3Bucket(bucket))
