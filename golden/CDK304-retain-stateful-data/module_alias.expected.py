from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_kms as kms
from aws_cdk import aws_logs as logs
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(self, "Uploads", removal_policy=RemovalPolicy.RETAIN)
        s3.Bucket(
            self,
            "Reports",
            versioned=True,
            removal_policy=RemovalPolicy.RETAIN,
        )
        dynamodb.Table(
            self,
            "Orders",
            partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
            removal_policy=RemovalPolicy.RETAIN,
        )
        dynamodb.TableV2(
            self,
            "Sessions",
            partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
            removal_policy=RemovalPolicy.RETAIN,
        )
        kms.Key(self, "Key", enable_key_rotation=True, removal_policy=RemovalPolicy.RETAIN)
        secretsmanager.Secret(self, "Secret", removal_policy=RemovalPolicy.RETAIN)
        logs.LogGroup(self, "Audit", removal_policy=RemovalPolicy.RETAIN)
        s3.Bucket(self, "Kept", removal_policy=RemovalPolicy.RETAIN)
