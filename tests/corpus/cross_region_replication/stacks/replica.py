from aws_cdk import Stack
from aws_cdk import aws_s3 as s3, aws_kms as kms


class ReplicaStack(Stack):
    def __init__(self, scope, construct_id, **kwargs):
        super().__init__(scope, construct_id, **kwargs)
        self.key = kms.Key(self, "ReplicaKey", enable_key_rotation=True)
        self.bucket = s3.Bucket(self, "Replica", versioned=True, encryption_key=self.key,
                                block_public_access=s3.BlockPublicAccess.BLOCK_ALL)
