from aws_cdk import Stack
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_cloudwatch_actions as cloudwatch_actions
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_sns as sns
from constructs import Construct


class AppStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        processor = lambda_.Function(self, "Processor", runtime=lambda_.Runtime.PYTHON_3_12,
                                     handler="index.handler", code=lambda_.Code.from_asset("lambda"))
        topic = sns.Topic(self, "Alerts")
        errors = cloudwatch.Alarm(
            self,
            "ProcessorErrors",
            metric=processor.metric_errors(),
            threshold=1,
            evaluation_periods=1,
        )
        errors.add_alarm_action(cloudwatch_actions.SnsAction(topic))
