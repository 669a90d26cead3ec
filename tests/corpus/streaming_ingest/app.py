import aws_cdk as cdk
from aws_cdk import aws_kinesis as kinesis
from aws_cdk import aws_kinesisfirehose as firehose
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_lambda_event_sources as event_sources


class ClickstreamStack(cdk.Stack):
    def __init__(self, scope, construct_id, **kwargs):
        super().__init__(scope, construct_id, **kwargs)

        stream = kinesis.Stream(self, "Clicks", shard_count=2, retention_period=cdk.Duration.hours(48))

        sink = s3.Bucket(self, "ClickArchive", bucket_name="clickstream-archive-prod")

        delivery_role = iam.Role(self, "DeliveryRole", assumed_by=iam.ServicePrincipal("firehose.amazonaws.com"))
        sink.grant_write(delivery_role)
        stream.grant_read(delivery_role)

        firehose.CfnDeliveryStream(
            self, "ToS3",
            delivery_stream_type="KinesisStreamAsSource",
            kinesis_stream_source_configuration=firehose.CfnDeliveryStream.KinesisStreamSourceConfigurationProperty(
                kinesis_stream_arn=stream.stream_arn,
                role_arn=delivery_role.role_arn,
            ),
            s3_destination_configuration=firehose.CfnDeliveryStream.S3DestinationConfigurationProperty(
                bucket_arn=sink.bucket_arn,
                role_arn=delivery_role.role_arn,
                buffering_hints=firehose.CfnDeliveryStream.BufferingHintsProperty(interval_in_seconds=60, size_in_m_bs=5),
            ),
        )

        enrich = lambda_.Function(
            self, "Enrich",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="enrich.handler",
            code=lambda_.Code.from_asset("enrich"),
            environment={"AWS_DEFAULT_REGION": "eu-west-1", "STAGE": "prod"},
        )
        enrich.add_event_source(event_sources.KinesisEventSource(
            stream, starting_position=lambda_.StartingPosition.LATEST, batch_size=100))


app = cdk.App()
ClickstreamStack(app, "Clickstream")
app.synth()
