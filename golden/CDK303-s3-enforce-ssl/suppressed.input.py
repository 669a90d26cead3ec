from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class StorageStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        # remediator: ignore[s3-enforce-ssl] -- legacy HTTP clients, see TICKET-123
        s3.Bucket(self, "Legacy")
        s3.Bucket(self, "New")
