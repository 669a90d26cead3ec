import aws_cdk as cdk
from constructs import Construct


class ClickstreamStack(cdk.Stack):
    """Clickstream ingestion: Kinesis Data Stream -> Firehose -> S3 (partitioned, GZIP)."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        stream = cdk.aws_kinesis.Stream(
            self,
            "ClickStream",
            shard_count=2,
            retention_period=cdk.Duration.hours(48),
            encryption=cdk.aws_kinesis.StreamEncryption.MANAGED,
        )

        archive = cdk.aws_s3.Bucket(
            self,
            "ClickArchive",
            encryption=cdk.aws_s3.BucketEncryption.S3_MANAGED,
            block_public_access=cdk.aws_s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
            removal_policy=cdk.RemovalPolicy.DESTROY,
            auto_delete_objects=True,
        )

        firehose_role = cdk.aws_iam.Role(
            self,
            "FirehoseRole",
            assumed_by=cdk.aws_iam.ServicePrincipal("firehose.amazonaws.com"),
        )
        stream.grant_read(firehose_role)
        archive.grant_read_write(firehose_role)

        delivery = cdk.aws_kinesisfirehose.CfnDeliveryStream(
            self,
            "ClickDelivery",
            delivery_stream_type="KinesisStreamAsSource",
            kinesis_stream_source_configuration=cdk.aws_kinesisfirehose.CfnDeliveryStream.KinesisStreamSourceConfigurationProperty(
                kinesis_stream_arn=stream.stream_arn,
                role_arn=firehose_role.role_arn,
            ),
            extended_s3_destination_configuration=cdk.aws_kinesisfirehose.CfnDeliveryStream.ExtendedS3DestinationConfigurationProperty(
                bucket_arn=archive.bucket_arn,
                role_arn=firehose_role.role_arn,
                prefix="clicks/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/",
                error_output_prefix="errors/!{firehose:error-output-type}/",
                compression_format="GZIP",
                buffering_hints=cdk.aws_kinesisfirehose.CfnDeliveryStream.BufferingHintsProperty(
                    interval_in_seconds=300, size_in_m_bs=64
                ),
            ),
        )
        delivery.node.add_dependency(firehose_role)

        # Producer used by the website backend to put click events
        producer = cdk.aws_lambda.Function(
            self,
            "ClickProducer",
            runtime=cdk.aws_lambda.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=cdk.aws_lambda.Code.from_inline(
                "import os, json, boto3\n"
                "kinesis = boto3.client('kinesis', region_name=os.environ['AWS_REGION'])\n"
                "def handler(event, context):\n"
                "    kinesis.put_record(StreamName=os.environ['STREAM_NAME'], Data=json.dumps(event), PartitionKey='k')\n"
            ),
            environment={
                "STREAM_NAME": stream.stream_name,
                "AWS_REGION": cdk.Aws.REGION,
            },
        )
        stream.grant_write(producer)

        cdk.CfnOutput(self, "StreamName", value=stream.stream_name)
        cdk.CfnOutput(self, "ArchiveBucket", value=archive.bucket_name)
