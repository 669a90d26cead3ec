from aws_cdk import Duration, Stack
from aws_cdk.aws_dynamodb import Attribute, AttributeType, BillingMode, Table
from aws_cdk.aws_lambda import Code, Function, Runtime
from constructs import Construct


class OrdersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.table = Table(
            self,
            "OrdersTable",
            partition_key=Attribute(name="pk", type=AttributeType.STRING),
            billing_mode=BillingMode.PAY_PER_REQUEST,
        )

        self.handler = Function(
            self,
            "OrdersHandler",
            runtime=Runtime.PYTHON_3_12,
            handler="index.handler",
            code=Code.from_inline("def handler(event, context):\n    return {}"),
            timeout=Duration.seconds(10),
            environment={"TABLE_NAME": self.table.table_name},
        )
        self.table.grant_read_write_data(self.handler)
