from aws_cdk import Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_secretsmanager as secretsmanager
from aws_cdk import aws_sns as sns
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.environment = environment
        self.bucket = s3.Bucket(self, "Data", bucket_name=f"data-{self.environment}-api-mistakes-bucket")
        table = dynamodb.Table(
            self,
            "Items",
            partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
            point_in_time_recovery=True,
        )
        log_group = logs.LogGroup(self, "ApiLogs", retention=logs.RetentionDays.THIRTY_DAYS)
        fn = lambda_.Function(
            self,
            "Api",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return {}"),
            log_group=log_group,
            log_format=lambda_.LogFormat.JSON,
            environment={
                "TABLE_NAME": table.table_name,
                "AWS_REGION": self.region,
            },
        )
        self.bucket.grant(fn, "s3:GetObject")
        secretsmanager.Secret(
            self,
            "ApiKey",
            secret_string_value=secretsmanager.SecretValue.unsafe_plain_text("change-me"),
        )
        topic = sns.Topic(self, "Alerts")
        alarm = fn.metric_errors().create_alarm(self, "Errors", threshold=1, evaluation_periods=1)
        alarm.add_alarm_action(cloudwatch_actions.SnsAction(topic))
