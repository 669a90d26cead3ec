from aws_cdk import Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_secretsmanager as secretsmanager
from aws_cdk import aws_sqs as sqs
from aws_cdk import SecretValue
from constructs import Construct


class AppStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        logs.LogGroup(self, "AppLogs", retention=logs.RetentionDays.ONE_MONTH)
        logs.LogGroup(self, "AuditLogs", retention=logs.RetentionDays.ONE_WEEK)
        logs.LogGroup(self, "Valid", retention=logs.RetentionDays.TWO_WEEKS)
        secretsmanager.Secret(
            self,
            "ApiKey",
            secret_string_value=SecretValue.unsafe_plain_text("placeholder"),
        )
        role = iam.Role(self, "Reader", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
        self.bucket = s3.Bucket(self, "Data")
        self.bucket.grants.actions_on_bucket_and_object_keys(
            role, "*", "s3:GetObject", "s3:ListBucket"
        )
        self.bucket.grants.actions_on_object_keys(role, "*", "s3:GetObject", "s3:PutObject")
        self.bucket.grants.actions_on_object_keys(role, "*", "s3:PutObjectAcl")
        actions = ["s3:GetObject", "s3:PutObject"]
        self.bucket.grants.actions_on_object_keys(role, "*", *actions)
        # these do have .grant: never touched
        table = dynamodb.Table(self, "Table", partition_key=dynamodb.Attribute(
            name="pk", type=dynamodb.AttributeType.STRING))
        table.grant(role, "dynamodb:GetItem")
        key = kms.Key(self, "Key", enable_key_rotation=True)
        key.grant(role, "kms:Decrypt")
        queue = sqs.Queue(self, "Queue")
        queue.grant(role, "sqs:SendMessage")
        log_group = logs.LogGroup(self, "Group")
        log_group.grant(role, "logs:PutLogEvents")
        fn = lambda_.Function(self, "Fn", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                              code=lambda_.Code.from_asset("lambda"))
        fn.add_environment("BUCKET", self.bucket.bucket_name)
