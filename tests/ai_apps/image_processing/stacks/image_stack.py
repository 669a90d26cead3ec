from aws_cdk import CfnOutput, Duration, RemovalPolicy, Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_s3_notifications as s3n
from constructs import Construct


class ImageProcessingStack(Stack):
    """Uploads bucket -> thumbnail Lambda -> thumbnails bucket + metadata table."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        uploads = s3.Bucket(
            self,
            "Uploads",
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            encryption=s3.BucketEncryption.S3_MANAGED,
            enforce_ssl=True,
        )
        thumbnails = s3.Bucket(
            self,
            "Thumbnails",
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            encryption=s3.BucketEncryption.S3_MANAGED,
            enforce_ssl=True,
        )

        metadata = dynamodb.Table(
            self,
            "ImageMetadata",
            partition_key=dynamodb.Attribute(name="key", type=dynamodb.AttributeType.STRING),
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
            removal_policy=RemovalPolicy.RETAIN,
        )

        thumbnailer = lambda_.Function(
            self,
            "Thumbnailer",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="app.handler",
            code=lambda_.Code.from_asset("functions/thumbnailer"),
            memory_size=1024,
            timeout=Duration.seconds(60),
            environment={
                "THUMBNAIL_BUCKET": thumbnails.bucket_name,
                "TABLE_NAME": metadata.table_name,
            },
        )

        uploads.grant(thumbnailer.role, "s3:GetObject")
        thumbnails.grant_put(thumbnailer)
        metadata.grant_write_data(thumbnailer)

        uploads.add_event_notification(
            s3.EventType.OBJECT_CREATED,
            s3n.LambdaDestination(thumbnailer),
            s3.NotificationKeyFilter(prefix="incoming/", suffix=".jpg"),
        )

        CfnOutput(self, "UploadsBucketName", value=uploads.bucket_name)
