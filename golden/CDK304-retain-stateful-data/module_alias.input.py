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
        s3.Bucket(self, "Uploads", removal_policy=RemovalPolicy.DESTROY, auto_delete_objects=True)
        s3.Bucket(
            self,
            "Reports",
            versioned=True,
            auto_delete_objects=True,  # empties the bucket on delete
            removal_policy=RemovalPolicy.DESTROY,
        )
        dynamodb.Table(
            self,
            "Orders",
            partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
            removal_policy=RemovalPolicy.DESTROY,
        )
        dynamodb.TableV2(
            self,
            "Sessions",
            partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
            removal_policy=RemovalPolicy.DESTROY,
        )
        kms.Key(self, "Key", enable_key_rotation=True, removal_policy=RemovalPolicy.DESTROY)
        secretsmanager.Secret(self, "Secret", removal_policy=RemovalPolicy.DESTROY)
        logs.LogGroup(self, "Audit", removal_policy=RemovalPolicy.DESTROY)
        s3.Bucket(self, "Kept", removal_policy=RemovalPolicy.RETAIN)
