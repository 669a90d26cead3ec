from aws_cdk import Stack
from constructs import Construct


class StorageStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.logs = self._logs_bucket()

    def _logs_bucket(self):
        import aws_cdk.aws_s3 as storage

        return storage.Bucket(
            self, "Logs", object_ownership=storage.ObjectOwnership.BUCKET_OWNER_PREFERRED, enforce_ssl=True
        )
