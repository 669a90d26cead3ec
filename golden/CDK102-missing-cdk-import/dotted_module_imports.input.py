import aws_cdk.aws_cloudwatch as cloudwatch
import aws_cdk.aws_lambda as lambda_
import aws_cdk.aws_sns as sns
from aws_cdk import Stack
from constructs import Construct


class AlarmsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, fn: lambda_.IFunction, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        topic = sns.Topic(self, "Alerts")
        alarm = cloudwatch.Alarm(self, "Errors", metric=fn.metric_errors(), threshold=1, evaluation_periods=1)
        alarm.add_alarm_action(cw_actions.SnsAction(topic))
