import aws_cdk
import constructs


class NotificationsStack(aws_cdk.Stack):
    def __init__(self, scope: constructs.Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        key = aws_cdk.aws_kms.Key(self, "NotifyKey", removal_policy=aws_cdk.RemovalPolicy.DESTROY)
        queue = aws_cdk.aws_sqs.Queue(
            self,
            "EmailQueue",
            encryption=aws_cdk.aws_sqs.QueueEncryption.KMS,
            encryption_master_key=key,
        )
        topic = aws_cdk.aws_sns.Topic(self, "Notify", master_key=key)
        topic.add_subscription(aws_cdk.aws_sns_subscriptions.SqsSubscription(queue))
        aws_cdk.aws_s3.Bucket(self, "Templates", versioned=True)


app = aws_cdk.App()
NotificationsStack(app, "Notifications")
app.synth()
