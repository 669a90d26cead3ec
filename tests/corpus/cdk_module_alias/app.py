import aws_cdk as cdk
from constructs import Construct


class MediaStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        key = cdk.aws_kms.Key(self, "MediaKey")
        uploads = cdk.aws_s3.Bucket(
            self,
            "Uploads",
            encryption=cdk.aws_s3.BucketEncryption.KMS,
            encryption_key=key,
            cors=[
                cdk.aws_s3.CorsRule(
                    allowed_methods=[cdk.aws_s3.HttpMethods.PUT],
                    allowed_origins=["*"],
                )
            ],
        )
        thumbnails = cdk.aws_s3.Bucket(self, "Thumbnails", removal_policy=cdk.RemovalPolicy.DESTROY)

        resize = cdk.aws_lambda.Function(
            self,
            "Resize",
            runtime=cdk.aws_lambda.Runtime.PYTHON_3_12,
            handler="resize.handler",
            code=cdk.aws_lambda.Code.from_asset("functions/resize"),
            memory_size=1024,
            timeout=cdk.Duration.seconds(30),
            environment={"DEST": thumbnails.bucket_name},
        )
        uploads.grant_read(resize)
        thumbnails.grant_write(resize)
        uploads.add_event_notification(
            cdk.aws_s3.EventType.OBJECT_CREATED,
            cdk.aws_s3_notifications.LambdaDestination(resize),
        )


app = cdk.App()
MediaStack(app, "Media")
app.synth()
