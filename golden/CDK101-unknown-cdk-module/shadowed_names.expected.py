from aws_cdk import Stack
from aws_cdk import aws_events as events
from aws_cdk import aws_s3 as s3
from constructs import Construct


def collect(events: list, s3: dict) -> None:
    # parameters named like the module aliases: plain Python objects, not aws_cdk modules
    events.append("done")
    s3.update({"bucket": "x"})


class Shadowed(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(self, "Bucket")
        events = [e for e in self.node.children]
        events.sort(key=str)
