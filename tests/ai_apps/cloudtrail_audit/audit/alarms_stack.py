from aws_cdk import core
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_logs as logs
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sns_subscriptions as subs

# CIS benchmark style metric filters
PATTERNS = {
    "RootLogin": '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
    "UnauthorizedApiCalls": '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
    "ConsoleLoginWithoutMfa": '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
    "IamPolicyChanges": '{ ($.eventName = DeleteGroupPolicy) || ($.eventName = PutRolePolicy) || ($.eventName = AttachRolePolicy) }',
}


class SecurityAlarmsStack(core.Stack):
    def __init__(self, scope: core.Construct, id: str, *, trail_log_group: logs.ILogGroup, security_email: str, **kwargs) -> None:
        super().__init__(scope, id, **kwargs)

        topic = sns.Topic(self, "SecurityAlerts", topic_name="security-alerts")
        topic.add_subscription(subs.EmailSubscription(security_email))

        for name, pattern in PATTERNS.items():
            metric_filter = logs.MetricFilter(
                self,
                f"{name}Filter",
                log_group=trail_log_group,
                filter_pattern=logs.FilterPattern.literal(pattern),
                metric_namespace="Security/CloudTrail",
                metric_name=name,
                metric_value="1",
            )
            alarm = cloudwatch.Alarm(
                self,
                f"{name}Alarm",
                metric=metric_filter.metric(),
                threshold=1,
                evaluation_periods=1,
                period=core.Duration.minutes(5),
                statistic="Sum",
                treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
            )
            alarm.add_alarm_action(cloudwatch_actions.SnsAction(topic))
