from aws_cdk import core
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sqs as sqs


def add_queue_alarms(stack: core.Stack, queue: sqs.Queue, dlq: sqs.Queue) -> None:
    """Backlog alarm on the work queue, any-message alarm on the DLQ."""
    alarm_topic = sns.Topic(stack, "QueueAlarmTopic", topic_name="jobs-alarms")

    backlog = cloudwatch.Alarm(
        stack,
        "QueueBacklogAlarm",
        alarm_name="jobs-queue-backlog",
        metric=queue.metric_approximate_number_of_messages_visible(),
        threshold=1000,
        evaluation_periods=3,
        period=core.Duration.minutes(5),
        statistic="Maximum",
    )
    backlog.add_alarm_action(cloudwatch.SnsAction(alarm_topic))

    oldest = cloudwatch.Alarm(
        stack,
        "OldestMessageAlarm",
        metric=queue.metric_approximate_age_of_oldest_message(),
        threshold=900,
        evaluation_periods=2,
        period=core.Duration.minutes(5),
    )
    oldest.add_alarm_action(cloudwatch.SnsAction(alarm_topic))

    dlq_alarm = cloudwatch.Alarm(
        stack,
        "DlqNotEmptyAlarm",
        alarm_name="jobs-dlq-not-empty",
        metric=dlq.metric_approximate_number_of_messages_visible(),
        threshold=0,
        comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluation_periods=1,
        statistic="Sum",
    )
    dlq_alarm.add_alarm_action(cloudwatch.SnsAction(alarm_topic))
