import aws_cdk as cdk
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sns as sns
from constructs import Construct

INGEST_CODE = """
import base64, gzip, json, os, time, uuid
import boto3

s3 = boto3.client("s3")

def handler(event, context):
    payload = event.get("body") or ""
    if event.get("isBase64Encoded"):
        payload = base64.b64decode(payload).decode()
    key = f"raw/{time.strftime('%Y/%m/%d/%H')}/{uuid.uuid4()}.json.gz"
    s3.put_object(Bucket=os.environ["BUCKET"], Key=key, Body=gzip.compress(payload.encode()))
    return {"statusCode": 202, "body": json.dumps({"stored": key})}
"""


class TelemetryIngestStack(cdk.Stack):
    """Device telemetry ingestion: REST API -> Lambda -> compressed objects in S3, with alarms."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        raw_bucket = s3.Bucket(
            self,
            "RawTelemetry",
            encryption=s3.BucketEncryption.S3_MANAGED,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
            lifecycle_rules=[
                s3.LifecycleRule(
                    prefix="raw/",
                    transitions=[
                        s3.Transition(storage_class=s3.StorageClass.GLACIER_INSTANT_RETRIEVAL,
                                      transition_after=cdk.Duration.days(30))
                    ],
                )
            ],
        )

        ingest_fn = lambda_.Function(
            self,
            "IngestFn",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline(INGEST_CODE),
            memory_size=256,
            timeout=cdk.Duration.seconds(10),
            environment={"BUCKET": raw_bucket.bucket_name},
            log_format="JSON",
            reserved_concurrent_executions=100,
        )
        raw_bucket.grant(ingest_fn, "s3:PutObject")

        access_logs = logs.LogGroup(self, "AccessLogs", retention=logs.RetentionDays.SIX_MONTHS)
        api = apigw.RestApi(
            self,
            "TelemetryApi",
            binary_media_types=["application/gzip"],
            deploy_options=apigw.StageOptions(
                stage_name="v1",
                access_log_destination=apigw.LogGroupLogDestination(access_logs),
                access_log_format=apigw.AccessLogFormat.json_with_standard_fields(),
            ),
        )
        api.root.add_resource("telemetry").add_method(
            "POST", apigw.LambdaIntegration(ingest_fn), api_key_required=False
        )

        topic = sns.Topic(self, "IngestAlarms")

        throttled = cloudwatch.Alarm(
            self,
            "IngestNearConcurrencyLimit",
            metric=ingest_fn.metric_concurrent_executions(),
            threshold=90,
            evaluation_periods=3,
        )
        throttled.add_alarm_action(cloudwatch_actions.SnsAction(topic))

        client_errors = cloudwatch.Alarm(
            self,
            "ClientErrors",
            metric=api.metric_4xx(),
            threshold=50,
            evaluation_periods=5,
        )
        client_errors.add_alarm_action(cloudwatch_actions.SnsAction(topic))

        cdk.CfnOutput(self, "IngestUrl", value=api.url_for_path("/telemetry"))
