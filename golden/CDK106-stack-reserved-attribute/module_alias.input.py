import aws_cdk as cdk
from aws_cdk import aws_sqs as sqs
from constructs import Construct


class QueueStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, *, account: str, region: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.account_id = "111111111111"  # the preferred new name is taken
        self.account = account
        self.region: str = region
        self.tags = {"team": "data"}
        self.queue = sqs.Queue(
            self,
            "Jobs",
            queue_name=f"jobs-{self.region}-{self.account}",
        )
        for key, value in self.tags.items():
            cdk.Tags.of(self).add(key, value)
