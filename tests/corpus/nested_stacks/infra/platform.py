from aws_cdk import NestedStack, Stack, Duration
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_sqs as sqs
from aws_cdk import aws_kms as kms
from constructs import Construct


class QueuesNestedStack(NestedStack):
    def __init__(self, scope: Construct, construct_id: str, *, key: kms.IKey, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.ingest = sqs.Queue(self, "Ingest", encryption=sqs.QueueEncryption.KMS, encryption_master_key=key)
        self.retry = sqs.Queue(self, "Retry", delivery_delay=Duration.seconds(30))


class TablesNestedStack(NestedStack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.sessions = dynamodb.Table(
            self, "Sessions",
            partition_key=dynamodb.Attribute(name="session_id", type=dynamodb.AttributeType.STRING),
            time_to_live_attribute="expires_at",
        )
        self.events = dynamodb.TableV2(
            self, "Events",
            partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
            sort_key=dynamodb.Attribute(name="ts", type=dynamodb.AttributeType.NUMBER),
        )


class PlatformStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        key = kms.Key(self, "PlatformKey")
        queues = QueuesNestedStack(self, "Queues", key=key)
        tables = TablesNestedStack(self, "Tables")
        tables.add_dependency(queues)
