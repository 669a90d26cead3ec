import aws_cdk as cdk
from constructs import Construct


class StorageStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.bucket = cdk.aws_s3.Bucket(
            self, "Data", versioned=True, block_public_access=cdk.aws_s3.BlockPublicAccess.BLOCK_ALL
        )
        cdk.aws_s3.Bucket(self, "Logs", block_public_access=cdk.aws_s3.BlockPublicAccess.BLOCK_ALL)
