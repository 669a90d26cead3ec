from aws_cdk import Stack
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_cloudwatch_actions as cw_actions
from aws_cdk import aws_sns as sns
from constructs import Construct

from .monitoring import register_dashboards


class Monitoring(Construct):
    def __init__(self, scope: "ServiceStack", construct_id: str) -> None:
        super().__init__(scope, construct_id)
        alarm = cloudwatch.Alarm(
            self,
            "Errors",
            metric=cloudwatch.Metric(namespace="Service", metric_name="Errors"),
            threshold=1,
            evaluation_periods=1,
        )
        alarm.add_alarm_action(cw_actions.SnsAction(scope.alarm_topic))


class ServiceStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        Monitoring(self, "Monitoring")
        register_dashboards(self)
        self.alarm_topic = sns.Topic(self, "AlarmTopic", display_name=self.topic_display_name)
        self.topic_display_name = "Service alarms"
