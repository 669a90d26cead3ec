from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sqs as sqs
from constructs import Construct


class FakeS3:
    def Bucket(self, name: str, versioning: bool = False) -> dict:
        return {"name": name, "versioning": versioning}


def describe(s3: FakeS3) -> dict:
    # a parameter named like the module alias: its Bucket is not aws_s3.Bucket
    return s3.Bucket("logs", versioning=True)


class Shadowed(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        queue = sqs.Queue(self, "Queue")
        queue.grant_send_messages(self.node.try_get_context("principal"))
        for queue in self.node.try_get_context("queues") or []:
            queue.send(delay=5)
        s3.Bucket(self, "Bucket", versioning=True)
