from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sqs as sqs
from constructs import Construct

TABLE_BUCKET = "acme-tables"


class ReportedStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(self, "Constant", bucket_name=TABLE_BUCKET)
        s3.Bucket(self, "Site", bucket_name="www.acme-shop.com", website_index_document="index.html")
        s3.Bucket(self, "Long", bucket_name="acme-analytics-clickstream-raw-events-archive-eu-central")
        audit = sqs.Queue(self, "Audit", queue_name="acme-audit")
        iam.PolicyStatement(actions=["sqs:SendMessage"], resources=["arn:aws:sqs:*:*:acme-audit"])
        lambda_.Function(
            self,
            "Resize",
            function_name="acme-resize",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return event\n"),
        )
        logs.LogGroup(self, "ResizeLogs", log_group_name="/aws/lambda/acme-resize")
        print(audit)


class UndefaultedStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        env_name = self.node.try_get_context("env")
        s3.Bucket(self, "Data", bucket_name="acme-undefaulted")


def helper_bucket(scope: Construct) -> s3.Bucket:
    return s3.Bucket(scope, "Helper", bucket_name="acme-helper")
