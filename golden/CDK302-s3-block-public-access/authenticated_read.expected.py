from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class PartnerStack(Stack):
    """The AuthenticatedRead canned ACL grants every AWS account: S3 counts it as public, so
    BlockPublicAcls would reject it. Reported, not changed."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(
            self,
            "PartnerDrop",
            object_ownership=s3.ObjectOwnership.OBJECT_WRITER,
            access_control=s3.BucketAccessControl.AUTHENTICATED_READ,
        )
        s3.CfnBucket(self, "LegacyDrop", access_control="AuthenticatedRead")
        # log delivery is not public: fixed
        s3.Bucket(
            self,
            "AccessLogs",
            object_ownership=s3.ObjectOwnership.OBJECT_WRITER,
            access_control=s3.BucketAccessControl.LOG_DELIVERY_WRITE,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
        )
