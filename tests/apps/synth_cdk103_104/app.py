"""An AI-drafted app with CDK103/CDK104 mistakes: fails at synth until `remediator fix`."""

import aws_cdk as cdk
from aws_cdk import Duration, Stack
from aws_cdk import aws_cloudtrail as cloudtrail
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_rds as rds
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct


class StorageStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.bucket = s3.Bucket(self, "Data", versioning=True)
        reader = iam.Role(self, "Reader", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
        self.bucket.grant(reader, "s3:GetObject", "s3:ListBucket")
        writer = iam.Role(self, "Writer", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
        self.bucket.grant(writer, "s3:GetObject", "s3:PutObject")
        acl = iam.Role(self, "AclWriter", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
        self.bucket.grant(acl, "s3:PutObjectAcl")
        shared = s3.Bucket.from_bucket_name(self, "Shared", "shared-bucket-name")
        shared.grant(acl, "s3:PutObject")
        cdk.CfnOutput(self, "BucketArn", value=self.bucket.arn)


class ComputeStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        lambda_.Function(
            self,
            "Handler",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return event\n"),
            memory=512,
            timeout=Duration.seconds(30),
            log_group=logs.LogGroup(self, "HandlerLogs", retention=logs.RetentionDays.SEVEN_DAYS),
        )
        secretsmanager.Secret(
            self,
            "ApiToken",
            secret_string_value=secretsmanager.SecretValue.unsafe_plain_text("rotate-me"),
        )


class AuditStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        trail_logs = logs.LogGroup(self, "TrailLogs", retention=logs.RetentionDays.THIRTY_DAYS)
        cloudtrail.Trail(self, "Trail", send_to_cloud_watch_logs=True, cloud_watch_logs_group=trail_logs)


class DatabaseStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc(self, "Vpc", max_azs=2, nat_gateways=0)
        rds.DatabaseInstance(
            self,
            "Db",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16),
            vpc=vpc,
            vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_ISOLATED),
            credentials=rds.Credentials.from_generated_secret("dbadmin", secret_names="app-db-admin"),
            storage_encrypted=True,
            backup_window="03:00-04:00",
            maintenance_window="sun:05:00-sun:06:00",
        )


app = cdk.App()
StorageStack(app, "Storage")
ComputeStack(app, "Compute")
AuditStack(app, "Audit")
DatabaseStack(app, "Database")
app.synth()
