import aws_cdk as cdk
from aws_cdk import aws_sqs as sqs
from constructs import Construct


class QueueStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, *, account: str, region: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.account_id = "111111111111"  # the preferred new name is taken
        self.account_id_2 = account
        self.region_name: str = region
        self.tag_values = {"team": "data"}
        self.queue = sqs.Queue(
            self,
            "Jobs",
            queue_name=f"jobs-{self.region_name}-{self.account_id_2}",
        )
        for key, value in self.tag_values.items():
            cdk.Tags.of(self).add(key, value)
