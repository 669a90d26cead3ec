import aws_cdk as cdk
from constructs import Construct


class LogsStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, *, retention_days: int = 14, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        cdk.aws_logs.LogGroup(self, "App", retention=cdk.aws_logs.RetentionDays.ONE_WEEK)
        cdk.aws_logs.LogGroup(self, "Audit", retention=cdk.aws_logs.RetentionDays.TWO_YEARS)
        cdk.aws_logs.LogGroup(
            self, "Compliance", retention=cdk.aws_logs.RetentionDays.THIRTEEN_MONTHS
        )
        cdk.aws_logs.LogGroup(self, "Configured", retention=cdk.aws_logs.RetentionDays(retention_days))
        cdk.aws_logs.LogGroup(self, "Odd", retention=cdk.aws_logs.RetentionDays(10))
        cdk.aws_logs.LogGroup(self, "ByName", retention=cdk.aws_logs.RetentionDays("ONE_MONTH"))
        cdk.aws_dynamodb.Table(
            self,
            "Items",
            partition_key=cdk.aws_dynamodb.Attribute(name="pk", type=cdk.aws_dynamodb.AttributeType.STRING),
            billing_mode=cdk.aws_dynamodb.BillingMode.PAY_PER_REQUEST,
        )
