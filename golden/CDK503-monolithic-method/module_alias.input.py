from aws_cdk import CfnOutput, Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from .monitoring import Dashboard


class EverythingStack(Stack):
    """13 constructs in one __init__ (outputs, loops once, nested functions apart)."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc(self, "Vpc")
        key = kms.Key(self, "Key", enable_key_rotation=True)
        data = s3.Bucket(self, "Data", encryption_key=key)
        table = dynamodb.CfnTable(self, "Orders", key_schema=[])
        for name in ("Jobs", "Retries"):
            sqs.Queue(self, name)
        topic = sns.Topic(self, "Alerts")
        role = iam.Role(self, "Role", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
        worker = lambda_.Function(
            self,
            "Worker",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_asset("lambda"),
            role=role,
        )
        Dashboard(self, "Dashboard")
        s3.Bucket(self, "Archive")
        s3.Bucket(self, "Exports")
        s3.Bucket(self, "Imports")
        sqs.Queue(self, "Dlq")
        CfnOutput(self, "DataArn", value=data.bucket_arn)
        CfnOutput(self, "TopicArn", value=topic.topic_arn)

        def later() -> None:
            s3.Bucket(self, "Later")
