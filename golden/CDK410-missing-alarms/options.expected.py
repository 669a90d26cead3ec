from aws_cdk import Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_cloudwatch as cloudwatch
from constructs import Construct


class AppStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        fn = lambda_.Function(self, "Api", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                              code=lambda_.Code.from_asset("lambda"))
        fn.metric_errors().create_alarm(
            self,
            "ApiErrorsAlarm",
            threshold=5,
            evaluation_periods=3,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        )
        table = dynamodb.TableV2(self, "Orders", partition_key=dynamodb.Attribute(
            name="pk", type=dynamodb.AttributeType.STRING))
        table.metric("ReadThrottleEvents", statistic="Sum").create_alarm(
            self,
            "OrdersReadThrottlesAlarm",
            threshold=10,
            evaluation_periods=3,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        )
        table.metric("WriteThrottleEvents", statistic="Sum").create_alarm(
            self,
            "OrdersWriteThrottlesAlarm",
            threshold=10,
            evaluation_periods=3,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        )
