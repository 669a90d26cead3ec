#!/usr/bin/env python3
# Drafted by an assistant from a one-paragraph brief; reviewed by nobody.
import os
from aws_cdk import (
    App,
    Stack,
    Duration,
    RemovalPolicy,
    CfnOutput,
    aws_ec2 as ec2,
    aws_rds as rds,
    aws_s3 as s3,
    aws_lambda as lambda_,
    aws_logs as logs,
    aws_iam as iam,
    aws_events as events,
    aws_events_targets as targets,
    aws_cloudtrail as cloudtrail,
    aws_kms as kms,
)
from constructs import Construct


class PatientRecordsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.environment = self.node.try_get_context("environment")

        vpc = ec2.Vpc(self, "RecordsVpc", max_azs=2)

        records_bucket = s3.Bucket(
            self, "RecordsBucket",
            bucket_name="patient-records",
            versioned=True,
            removal_policy=RemovalPolicy.DESTROY,
            auto_delete_objects=True,
        )

        db = rds.DatabaseInstance(
            self, "RecordsDb",
            engine=rds.DatabaseInstanceEngine.mysql(version=rds.MysqlEngineVersion.VER_8_0),
            vpc=vpc,
            backup_window="02:00-03:00",
            removal_policy=RemovalPolicy.DESTROY,
        )

        log_group = logs.LogGroup(self, "AppLogs", retention=logs.RetentionDays.THIRTY_DAYS)

        handler = lambda_.Function(
            self, "RecordsApi",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_asset("lambda"),
            vpc=vpc,
            environment={"BUCKET": records_bucket.bucket_name, "AWS_REGION": os.environ.get("REGION", "us-east-1")},
            reserved_concurrent_executions=100,
        )
        records_bucket.grant(handler, "s3:GetObject", "s3:PutObject")
        handler.add_to_role_policy(iam.PolicyStatement(actions=["s3:GetObjects"], resources=["*"]))

        trail_key = kms.Key(self, "TrailKey")
        cloudtrail.Trail(self, "Trail", encryption_key=trail_key, cloud_watch_logs_group=log_group)

        CfnOutput(self, "DbEndpoint", value=db.db_instance_endpoint_address)


app = App()
PatientRecordsStack(app, "PatientRecords")
app.synth()
