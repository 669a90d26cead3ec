from aws_cdk import Stack
from aws_cdk import aws_events as events
from aws_cdk import aws_events_targets as targets
from aws_cdk import aws_kms as kms
from constructs import Construct

from infra.compute import ComputeNestedStack
from infra.network import NetworkNestedStack
from infra.storage import InventoryStorage


class MainStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        key = kms.Key(self, "PlatformKey", enable_key_rotation=True)

        network = NetworkNestedStack(self, "Network")
        storage = InventoryStorage(self, "Storage", key=key)
        compute = ComputeNestedStack(self, "Compute", vpc=network.vpc, sg=network.app_sg, table=storage.table)

        events.Rule(
            self,
            "NightlySync",
            schedule=events.Schedule.cron(minute="0", hour="1"),
            targets=[targets.LambdaFunction(compute.sync_fn)],
        )
