from aws_cdk import Stack, Duration
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sns_subscriptions as subscriptions
from aws_cdk import aws_apigateway as apigateway
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class MonitoringStack(Stack):
    """Alarms and a dashboard for the API and its Lambda handler."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        api: apigateway.RestApi,
        handler: lambda_.Function,
        alarm_email: str,
        **kwargs,
    ) -> None:
        super().__init__(scope, construct_id, **kwargs)

        topic = sns.Topic(self, "AlarmTopic", display_name="Service alarms")
        if alarm_email:
            topic.add_subscription(subscriptions.EmailSubscription(alarm_email))

        errors_4xx = api.metric_4xx()
        errors_5xx = api.metric_server_error(period=Duration.minutes(1))
        latency_p99 = api.metric_latency().with_statistic("p99")

        fn_errors = handler.metric_errors(period=Duration.minutes(1))
        fn_duration = handler.metric_duration()
        fn_throttles = handler.metric_throttles()
        fn_concurrency = handler.metric_concurrent_executions()

        alarm_5xx = cloudwatch.Alarm(
            self,
            "Api5xxAlarm",
            metric=errors_5xx,
            threshold=5,
            evaluation_periods=2,
            alarm_description="API returned 5xx errors",
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        )
        alarm_5xx.add_alarm_action(cloudwatch_actions.SnsAction(topic))

        latency_alarm = cloudwatch.Alarm(
            self,
            "ApiLatencyAlarm",
            metric=latency_p99,
            threshold=1000,
            evaluation_periods=3,
            alarm_description="p99 latency above 1s",
        )
        latency_alarm.add_alarm_action(cloudwatch_actions.SnsAction(topic))

        fn_error_alarm = fn_errors.create_alarm(
            self,
            "HandlerErrorsAlarm",
            threshold=1,
            evaluation_periods=1,
        )
        fn_error_alarm.add_alarm_action(cloudwatch_actions.SnsAction(topic))

        dashboard = cloudwatch.Dashboard(self, "ServiceDashboard", dashboard_name="service-overview")
        dashboard.add_widgets(
            cloudwatch.GraphWidget(title="API errors", left=[errors_4xx, errors_5xx], width=12),
            cloudwatch.GraphWidget(title="API latency p99", left=[latency_p99], width=12),
        )
        dashboard.add_widgets(
            cloudwatch.GraphWidget(title="Lambda errors / throttles", left=[fn_errors, fn_throttles], width=8),
            cloudwatch.GraphWidget(title="Lambda duration", left=[fn_duration], width=8),
            cloudwatch.GraphWidget(title="Lambda concurrency", left=[fn_concurrency], width=8),
        )
        dashboard.add_widgets(
            cloudwatch.AlarmStatusWidget(alarms=[alarm_5xx, latency_alarm, fn_error_alarm], width=24),
        )
