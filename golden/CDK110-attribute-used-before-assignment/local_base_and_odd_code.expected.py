from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sns as sns
from constructs import Construct


class BaseStack(Stack):
    """A team base class: its __init__ sets `self.prefix` before subclasses run theirs."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.prefix = "team"

    def _name(self, suffix: str) -> str:
        return f"{self.prefix}-{suffix}"


class NotificationsStack(BaseStack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.topic = sns.Topic(self, "Topic", topic_name=self._name("alerts"))
        self.archive = self._archive(3)
        while (count := len(self.extra_buckets)) < 2:
            self.extra_buckets.append(s3.Bucket(self, f"Extra{count}", enforce_ssl=True))
        self.extra_buckets = []

    def _archive(self, depth: int) -> s3.Bucket:
        if depth > 0:
            return self._archive(depth - 1)  # recursion is followed once

        def describe() -> str:
            return self.description_text  # runs later, if at all

        match depth:
            case 0:
                return s3.Bucket(self, "Archive", enforce_ssl=True)
            case _:
                return s3.Bucket(self, "Other", enforce_ssl=True)

    @staticmethod
    def helper() -> int:
        return 1


class NoInit(Stack):
    bucket_count = 2
