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
        s3.Bucket(self, "Uploads", bucket_name="acme-uploads")
        s3.Bucket(self, "Static", bucket_name=f"static-content-{self.account}-{self.region}")
        dynamodb.Table(
            self,
            "Orders",
            table_name="orders",
            partition_key=dynamodb.Attribute(name="id", type=dynamodb.AttributeType.STRING),
        )
        lambda_.Function(
            self,
            "Handler",
            function_name='orders_handler',
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return event\n"),
        )
        sqs.Queue(self, "Jobs", queue_name="jobs.fifo", fifo=True)
        sqs.Queue(self, "Retries", queue_name="orders-retries-")
