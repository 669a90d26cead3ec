from aws_cdk import Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_logs as logs
from constructs import Construct


class LogsStack(Stack):
    """Application log groups and an audit table."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        logs.LogGroup(self, "AppLogs", retention=logs.RetentionDays(7))
        logs.LogGroup(self, "AuditLogs", retention=logs.RetentionDays(731))
        dynamodb.Table(
            self,
            "Audit",
            partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
            billing_mode=dynamodb.BillingMode("pay_per_request"),
        )
