from aws_cdk import (
    core,
    aws_s3 as s3,
)


class LogsStack(core.Stack):
    def __init__(self, scope: core.Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(self, "Logs", lifecycle_rules=[s3.LifecycleRule(expiration=core.Duration.days(90))])


def helper_stack(app: core.App) -> core.Stack:
    return LogsStack(app, "Logs")
