from aws_cdk import Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        table = dynamodb.Table(
            self, "Items", partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING)
        )
        handler = lambda_.Function(
            self,
            "Handler",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return {}"),
            environment={
                "TABLE_NAME": table.table_name,
                "AWS_LAMBDA_EXEC_WRAPPER": "/opt/wrapper",
            },
        )
        handler.add_environment("LOG_LEVEL", "INFO")
        self.worker = lambda_.SingletonFunction(
            self,
            "Worker",
            uuid="5b7d3a8e-0f3c-4c5e-9a53-1f6f1c2d3e4f",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return {}"),
            environment={},
        )
