from aws_cdk import Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_sqs as sqs
from constructs import Construct


class PipelineStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.table = dynamodb.Table(
            self, "Items", partition_key=dynamodb.Attribute(name="id", type=dynamodb.AttributeType.STRING)
        )
        self.queue = sqs.Queue(self, "Jobs", enforce_ssl=True)
        self.worker = self._function("Worker")

    def _function(self, name: str) -> lambda_.Function:
        return lambda_.Function(
            self,
            name,
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return {}"),
            environment={"TABLE": self.table.table_name, "QUEUE": self.queue.queue_url},
        )
