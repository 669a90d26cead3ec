import aws_cdk
import constructs


class StorageStack(aws_cdk.Stack):
    def __init__(self, scope: constructs.Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        aws_cdk.aws_s3.Bucket(
            self, "Data", block_public_access=aws_cdk.aws_s3.BlockPublicAccess.BLOCK_ALL
        )
        aws_cdk.aws_s3.CfnBucket(
            self,
            "Raw",
            public_access_block_configuration=aws_cdk.aws_s3.CfnBucket.PublicAccessBlockConfigurationProperty(
                block_public_acls=True,
                block_public_policy=True,
                ignore_public_acls=True,
                restrict_public_buckets=True,
            ),
        )
