from aws_cdk import Duration
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_sns as sns
from constructs import Construct


class LeaderboardDashboard(Construct):
    """Dashboard and alarms for the score submission function."""

    def __init__(self, scope: Construct, construct_id: str, *, score_fn: lambda_.IFunction, alarm_topic: sns.ITopic) -> None:
        super().__init__(scope, construct_id)

        duration_p99 = score_fn.metric_duration().with_statistic("p99")
        concurrency = score_fn.metric_concurrent_executions()
        invocations = score_fn.metric_invocations(period=Duration.minutes(1))

        concurrency_alarm = cloudwatch.Alarm(
            self,
            "ConcurrencyAlarm",
            metric=concurrency,
            threshold=800,
            evaluation_periods=2,
            alarm_description="Close to the account concurrency limit",
        )
        concurrency_alarm.add_alarm_action(cloudwatch.SnsAction(alarm_topic))

        slow_alarm = cloudwatch.Alarm(
            self,
            "SlowSubmitAlarm",
            metric=duration_p99,
            threshold=250,
            evaluation_periods=5,
        )
        slow_alarm.add_alarm_action(cloudwatch.SnsAction(alarm_topic))

        cloudwatch.Dashboard(
            self,
            "LeaderboardDashboard",
            dashboard_name="leaderboard",
            widgets=[
                [
                    cloudwatch.GraphWidget(title="Submissions/min", left=[invocations]),
                    cloudwatch.GraphWidget(title="Duration p99", left=[duration_p99]),
                    cloudwatch.SingleValueWidget(title="Concurrency", metrics=[concurrency]),
                ]
            ],
        )
