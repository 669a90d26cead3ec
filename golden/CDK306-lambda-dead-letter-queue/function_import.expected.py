from aws_cdk import Stack
from aws_cdk import aws_sqs as sqs
from aws_cdk import Duration
from constructs import Construct


class LogsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, log_group) -> None:
        super().__init__(scope, construct_id)
        from aws_cdk import aws_lambda as lambda_
        from aws_cdk import aws_logs_destinations as destinations

        shipper_dlq = sqs.Queue(
            self,
            "ShipperDlq",
            encryption=sqs.QueueEncryption.SQS_MANAGED,
            enforce_ssl=True,
            retention_period=Duration.days(14),
        )
        shipper = lambda_.Function(
            self,
            "Shipper",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_asset("src"),
            dead_letter_queue=shipper_dlq,
        )
        log_group.add_subscription_filter("Ship", destination=destinations.LambdaDestination(shipper),
                                          filter_pattern=None)
