# Resources with a fixed physical name: RETAIN only with --unsafe-fixes (a re-deploy after destroy collides).
from aws_cdk import Aws, RemovalPolicy, Stack
from aws_cdk import aws_dynamodb as dynamodb, aws_logs as logs, aws_s3 as s3
from constructs import Construct

LOG_GROUP_NAME = "Service/audit"


class AuditStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(
            self,
            "Logs",
            bucket_name=f"auditing-logs-{Aws.ACCOUNT_ID}",
            removal_policy=RemovalPolicy.RETAIN,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
        )
        dynamodb.Table(self, "Items", table_name="items",
                       partition_key=dynamodb.Attribute(name="id", type=dynamodb.AttributeType.STRING),
                       removal_policy=RemovalPolicy.RETAIN)
        logs.LogGroup(self, "Audit", log_group_name=LOG_GROUP_NAME, retention=logs.RetentionDays.THREE_DAYS,
                      removal_policy=RemovalPolicy.RETAIN)
