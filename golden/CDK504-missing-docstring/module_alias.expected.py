from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.bucket = self._create_bucket()

    def _create_bucket(self) -> s3.Bucket:
        return s3.Bucket(self, "Data")

    def _name(self) -> str:
        return "data"

    def grant_readers(self, role: iam.IRole) -> None:
        self.bucket.grant_read(role)

    @property
    def bucket_arn(self) -> str:
        return self.bucket.bucket_arn

    @property
    def availability_zones(self) -> list[str]:
        return ["eu-west-1a"]

    def __repr__(self) -> str:
        return "DataStack"
