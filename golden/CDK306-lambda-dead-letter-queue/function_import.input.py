from aws_cdk import Stack
from constructs import Construct


class LogsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, log_group) -> None:
        super().__init__(scope, construct_id)
        from aws_cdk import aws_lambda as lambda_
        from aws_cdk import aws_logs_destinations as destinations

        shipper = lambda_.Function(self, "Shipper", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=lambda_.Code.from_asset("src"))
        log_group.add_subscription_filter("Ship", destination=destinations.LambdaDestination(shipper),
                                          filter_pattern=None)
