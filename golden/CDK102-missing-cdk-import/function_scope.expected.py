from aws_cdk import Stack
from aws_cdk import aws_sns as sns
from aws_cdk import aws_cloudwatch_actions as cw_actions
from constructs import Construct


def alerts(scope: Construct) -> None:
    from aws_cdk import aws_cloudwatch as cloudwatch

    topic = sns.Topic(scope, "Alerts")
    cloudwatch.Alarm(
        scope,
        "Errors",
        metric=cloudwatch.Metric(namespace="App", metric_name="Errors"),
        threshold=1,
        evaluation_periods=1,
    ).add_alarm_action(cw_actions.SnsAction(topic))


class AlertStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        alerts(self)
