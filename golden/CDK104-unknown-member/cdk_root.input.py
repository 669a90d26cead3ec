import aws_cdk as cdk
from constructs import Construct


class LogsStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        cdk.aws_logs.LogGroup(self, "Logs", retention=cdk.aws_logs.RetentionDays.NINETY_DAYS)
        cdk.aws_secretsmanager.Secret(
            self, "Token", secret_string_value=cdk.aws_secretsmanager.SecretValue.unsafe_plain_text("x"))
        # a chained call: the API says what from_bucket_name returns (IBucket: no `grants` property)
        imported = cdk.aws_s3.Bucket.from_bucket_name(self, "Shared", "shared-bucket")
        imported.grant(cdk.aws_iam.AccountRootPrincipal(), "s3:GetObject")
        imported.grant(cdk.aws_iam.AccountRootPrincipal(), "s3:PutObject")
        cdk.aws_s3.Bucket(self, "Inline").grant(cdk.aws_iam.AccountRootPrincipal(), "s3:List*")
        fn = cdk.aws_lambda.Function.from_function_name(self, "Worker", "worker")
        fn.metric_concurrent_executions(statistic="Average").create_alarm(self, "Busy", threshold=50, evaluation_periods=1)
