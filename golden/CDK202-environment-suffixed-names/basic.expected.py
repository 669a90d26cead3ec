from aws_cdk import Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sqs as sqs
from constructs import Construct


class OrdersStack(Stack):
    """No environment name anywhere: one is read from context at the top of __init__."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        environment_suffix = self.node.try_get_context("environmentSuffix") or "dev"
        s3.Bucket(self, "Uploads", bucket_name=f"acme-uploads-{environment_suffix}")
        s3.Bucket(
            self,
            "Static",
            bucket_name=f"static-content-{self.account}-{self.region}-{environment_suffix}",
        )
        dynamodb.Table(
            self,
            "Orders",
            table_name=f"orders-{environment_suffix}",
            partition_key=dynamodb.Attribute(name="id", type=dynamodb.AttributeType.STRING),
        )
        lambda_.Function(
            self,
            "Handler",
            function_name=f'orders_handler_{environment_suffix}',
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return event\n"),
        )
        sqs.Queue(self, "Jobs", queue_name=f"jobs-{environment_suffix}.fifo", fifo=True)
        sqs.Queue(self, "Retries", queue_name=f"orders-retries-{environment_suffix}")
