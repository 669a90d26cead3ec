import aws_cdk as cdk
from constructs import Construct


class LogsStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        cdk.aws_logs.LogGroup(self, "Logs", retention=cdk.aws_logs.RetentionDays.THREE_MONTHS)
        cdk.aws_secretsmanager.Secret(
            self, "Token", secret_string_value=cdk.SecretValue.unsafe_plain_text("x"))
        # a chained call: the API says what from_bucket_name returns (IBucket: no `grants` property)
        imported = cdk.aws_s3.Bucket.from_bucket_name(self, "Shared", "shared-bucket")
        cdk.aws_s3.BucketGrants.from_bucket(imported).actions_on_object_keys(
            cdk.aws_iam.AccountRootPrincipal(), "*", "s3:GetObject"
        )
        cdk.aws_s3.BucketGrants.from_bucket(imported).actions_on_object_keys(
            cdk.aws_iam.AccountRootPrincipal(), "*", "s3:PutObject"
        )
        cdk.aws_s3.Bucket(self, "Inline").grants.actions_on_bucket_and_object_keys(
            cdk.aws_iam.AccountRootPrincipal(), "*", "s3:List*"
        )
        fn = cdk.aws_lambda.Function.from_function_name(self, "Worker", "worker")
        fn.metric("ConcurrentExecutions", statistic="Average").create_alarm(
            self, "Busy", threshold=50, evaluation_periods=1
        )
