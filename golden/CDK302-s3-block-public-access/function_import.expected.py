from aws_cdk import Stack
from constructs import Construct


def artifacts_bucket(scope: Construct):
    from aws_cdk import aws_s3 as s3_

    return s3_.Bucket(scope, "Artifacts", block_public_access=s3_.BlockPublicAccess.BLOCK_ALL)


class StorageStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        artifacts_bucket(self)
