from aws_cdk import Stack
from aws_cdk.aws_dynamodb import Attribute, AttributeType, Table
from aws_cdk.aws_lambda import Code, Function, Runtime
from aws_cdk import aws_cloudwatch as cloudwatch
from constructs import Construct


class AppStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        handler_function = Function(self, "Handler", runtime=Runtime.PYTHON_3_12, handler="index.handler", code=Code.from_asset("src"))
        handler_function.metric_errors().create_alarm(
            self,
            "HandlerErrorsAlarm",
            threshold=1,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        )
        orders_table = Table(self, "Orders", partition_key=Attribute(name="id", type=AttributeType.STRING))
        orders_table.metric("ReadThrottleEvents", statistic="Sum").create_alarm(
            self,
            "OrdersReadThrottlesAlarm",
            threshold=1,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        )
        orders_table.metric("WriteThrottleEvents", statistic="Sum").create_alarm(
            self,
            "OrdersWriteThrottlesAlarm",
            threshold=1,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        )
