import aws_cdk as cdk
from aws_cdk import aws_lambda as _lambda
from constructs import Construct

HANDLER = """
import os

def handler(event, context):
    return {"statusCode": 200, "body": os.environ["TABLE_NAME"]}
"""


class DataStack(cdk.Stack):
    """The orders table, its encryption key, its audit log and the function that serves it."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        env_name = self.node.try_get_context("env")

        key = cdk.aws_kms.Key(self, "OrdersKey", alias="alias/orders/table")

        self.orders = cdk.aws_dynamodb.Table(
            self,
            "Orders",
            partition_key=cdk.aws_dynamodb.Attribute(name="pk", type=cdk.aws_dynamodb.AttributeType.STRING),
            sort_key=cdk.aws_dynamodb.Attribute(name="sk", type=cdk.aws_dynamodb.AttributeType.STRING),
            billing_mode=cdk.aws_dynamodb.BillingMode.PAY_PER_REQUEST,
            encryption=cdk.aws_dynamodb.TableEncryption.CUSTOMER_MANAGED,
            encryption_key=key,
            removal_policy=cdk.RemovalPolicy.DESTROY,
        )

        audit_log = cdk.aws_logs.LogGroup(
            self,
            "AuditLog",
            log_group_name=f"/orders/{env_name}/audit",
            retention=cdk.aws_logs.RetentionDays.ONE_YEAR,
            removal_policy=cdk.RemovalPolicy.DESTROY,
        )

        handler = _lambda.Function(
            self,
            "OrdersHandler",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=_lambda.Code.from_inline(HANDLER),
            environment={"TABLE_NAME": self.orders.table_name, "AUDIT_LOG": audit_log.log_group_name},
        )
        self.orders.grant_read_write_data(handler)
