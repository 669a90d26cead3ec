from aws_cdk import (
    aws_s3 as s3,
)
from constructs import Construct
import aws_cdk as cdk


class LogsStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(self, "Logs", lifecycle_rules=[s3.LifecycleRule(expiration=cdk.Duration.days(90))])


def helper_stack(app: cdk.App) -> cdk.Stack:
    return LogsStack(app, "Logs")
