from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sqs as sqs
from constructs import Construct


class StorageStack(Stack):
    """Receivers typed beyond a local assignment: a parameter's annotation, a helper's return
    annotation, and `self.x` assigned in another method."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.role = iam.Role(self, "Worker", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
        self.jobs = sqs.Queue(self, "Jobs")
        self._grant_reads(s3.Bucket(self, "Raw"))
        s3.BucketGrants.from_bucket(self._archive()).actions_on_object_keys(
            self.role, "*", "s3:PutObject"
        )
        self._wire()

    def _grant_reads(self, bucket: s3.Bucket) -> None:
        bucket.grants.actions_on_object_keys(self.role, "*", "s3:GetObject")

    def _archive(self) -> s3.IBucket:
        return s3.Bucket(self, "Archive")

    def _wire(self) -> None:
        self.jobs.grant_send_messages(self.role)
