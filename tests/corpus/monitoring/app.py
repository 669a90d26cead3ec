import aws_cdk as cdk
from aws_cdk import (
    aws_cloudwatch as cloudwatch,
    aws_sns as sns,
    aws_sns_subscriptions as subscriptions,
    aws_lambda as lambda_,
    aws_dynamodb as dynamodb,
    aws_logs as logs,
)
from constructs import Construct


class OpsStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        oncall = sns.Topic(self, "OnCall")
        oncall.add_subscription(subscriptions.EmailSubscription("oncall@example.com"))

        orders = dynamodb.Table(self, "Orders",
                                partition_key=dynamodb.Attribute(name="id", type=dynamodb.AttributeType.STRING))
        processor = lambda_.Function(
            self, "Processor",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="p.handler",
            code=lambda_.Code.from_asset("processor"),
            log_retention=logs.RetentionDays.ONE_WEEK,
        )

        errors = cloudwatch.Alarm(
            self, "ProcessorErrors",
            metric=processor.metric_errors(),
            threshold=1,
            evaluation_periods=2,
            period=cdk.Duration.minutes(1),
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        )
        errors.add_alarm_action(cloudwatch_actions.SnsAction(oncall))

        dashboard = cloudwatch.Dashboard(self, "Ops", dashboard_name="orders-ops")
        dashboard.add_widgets(
            cloudwatch.GraphWidget(title="Invocations", left=[processor.metric_invocations()]),
            cloudwatch.GraphWidget(title="Throttles", left=[orders.metric_throttled_requests_for_operations(
                operations=[dynamodb.Operation.PUT_ITEM])]),
        )


app = cdk.App()
OpsStack(app, "Ops")
app.synth()
