import aws_cdk as cdk
from constructs import Construct


class WebsiteStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.access_logs = self.create_bucket("AccessLogs", is_log_bucket=True)
        self.site_bucket = self.create_bucket("Site")
        cdk.CfnOutput(self, "SiteBucketName", value=self.site_bucket.bucket_name)

    def create_bucket(self, name, is_log_bucket=False):
        return cdk.aws_s3.Bucket(
            self,
            name,
            enforce_ssl=True,
            server_access_logs_bucket=None if is_log_bucket else self.access_logs,
        )
