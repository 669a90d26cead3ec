from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class OptionalLogsStack(Stack):
    """A conditional expression guarded by hasattr cannot fail: nothing to report or move."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.data = s3.Bucket(
            self,
            "Data",
            enforce_ssl=True,
            server_access_logs_bucket=self.logs if hasattr(self, "logs") else None,
        )
        self.logs = s3.Bucket(self, "Logs", enforce_ssl=True)


class ArchiveStack(Stack):
    """A statement in between asks whether the attribute exists yet: moving would change its answer."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.data = self._bucket("Data")
        self.archive = self._archive()
        self.logs = s3.Bucket(self, "Logs", enforce_ssl=True)

    def _bucket(self, name: str) -> s3.Bucket:
        return s3.Bucket(self, name, enforce_ssl=True, server_access_logs_bucket=self.logs)

    def _archive(self) -> s3.Bucket:
        logs = getattr(self, "logs", None)
        if logs is None:
            return s3.Bucket(self, "ArchiveWithoutLogs", enforce_ssl=True)
        return s3.Bucket(self, "Archive", enforce_ssl=True, server_access_logs_bucket=logs)


class TryStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.data = self._bucket("Data")
        self.log_prefix = self._log_prefix()
        self.logs = s3.Bucket(self, "Logs", enforce_ssl=True)

    def _bucket(self, name: str) -> s3.Bucket:
        return s3.Bucket(self, name, enforce_ssl=True, server_access_logs_bucket=self.logs)

    def _log_prefix(self) -> str:
        try:
            self.logs
        except AttributeError:
            return "early/"
        return "late/"
