from aws_cdk import App, Environment, RemovalPolicy, Stack
from aws_cdk.aws_dynamodb import Attribute, AttributeType, BillingMode, Table
from aws_cdk.aws_kms import Key
from aws_cdk.aws_s3 import BlockPublicAccess, Bucket, BucketEncryption
from aws_cdk.aws_sqs import Queue, QueueEncryption
from constructs import Construct


class InventoryStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        key = Key(self, "InventoryKey", enable_key_rotation=True)
        self.table = Table(
            self,
            "Inventory",
            partition_key=Attribute(name="sku", type=AttributeType.STRING),
            billing_mode=BillingMode.PAY_PER_REQUEST,
            removal_policy=RemovalPolicy.DESTROY,
            point_in_time_recovery=True,
        )
        self.exports = Bucket(self, "Exports", encryption=BucketEncryption.S3_MANAGED,
                              block_public_access=BlockPublicAccess.BLOCK_ALL, enforce_ssl=True)
        self.restock = Queue(self, "Restock", encryption=QueueEncryption.KMS, encryption_master_key=key)
        archive_key = Key(self, "ArchiveKey")
        Bucket(self, "Archive", encryption_key=archive_key)


app = App()
InventoryStack(app, "Inventory", env=Environment(region="eu-central-1"))
app.synth()
