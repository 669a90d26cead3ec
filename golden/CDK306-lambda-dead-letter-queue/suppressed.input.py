from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sns_subscriptions as subs
from constructs import Construct


class SuppressedStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        topic = sns.Topic(self, "Topic")
        legacy = lambda_.Function(self, "Legacy", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=lambda_.Code.from_asset("src"))  # remediator: ignore[CDK306]
        topic.add_subscription(subs.LambdaSubscription(legacy))
