from aws_cdk import Duration, Stack
from aws_cdk.aws_cloudwatch import TreatMissingData
from aws_cdk.aws_lambda import Code, Function, Runtime
from aws_cdk.aws_s3 import Bucket, LifecycleRule
from constructs import Construct


class AppStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        fn = Function(
            self,
            "Handler",
            runtime=Runtime.PYTHON_3_12,
            handler="index.handler",
            code=Code.from_inline("def handler(event, context):\n    return event\n"),
            memory_size=512,
            timeout=Duration.seconds(30),
        )
        bucket = Bucket(self, "Logs")
        # a method of a receiver whose type is known from its assignment
        bucket.add_lifecycle_rule(prefix="logs/", expiration=Duration.days(90))
        # a struct built by its class: its fields are keywords too
        LifecycleRule(prefix="tmp/", expiration=Duration.days(1))
        # a method of the return type of a chained call
        fn.metric_errors().create_alarm(self, "Errors", threshold=1, evaluation_periods=1,
                                        treat_missing_data=TreatMissingData.NOT_BREACHING)
