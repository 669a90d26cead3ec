from aws_cdk import Stack
from aws_cdk import aws_cloudtrail as cloudtrail
from aws_cdk import aws_kms as kms
from constructs import Construct


class ReportedStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        cloudtrail.Trail(self, "Inline", encryption_key=kms.Key(self, "InlineKey", enable_key_rotation=True))
        trails = [cloudtrail.Trail(self, "Listed", encryption_key=kms.Key(self, "ListedKey"))]
        print(trails)
