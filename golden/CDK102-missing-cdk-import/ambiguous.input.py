from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_sns as sns
from constructs import Construct


class FnStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        topic = sns.Topic(self, "Failures")
        fn = lambda_.Function(
            self,
            "Fn",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_asset("lambda"),
        )
        # SnsDestination exists in aws_appconfig, aws_lambda_destinations and aws_s3_notifications
        fn.configure_async_invoke(on_failure=dest.SnsDestination(topic))
        # "s3" names aws_s3, which has no class Buckett: reported, not guessed
        s3.Buckett(self, "Data")
