import aws_cdk as cdk
from constructs import Construct


class TrailStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        log_group = cdk.aws_logs.LogGroup(self, "TrailLogs")
        cdk.aws_cloudtrail.Trail(self, "Trail", cloud_watch_logs_group=log_group)
        cdk.aws_s3.Bucket(self, "Archive", versioning=True)
