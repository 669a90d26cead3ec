from aws_cdk import aws_kms as kms
from aws_cdk import aws_sns as sns
from constructs import Construct


class Alerts(Construct):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        self.topic = sns.Topic(self, "Topic", master_key=self.key)
        self._key = kms.Key(self, "TopicKey", enable_key_rotation=True)

    @property
    def key(self) -> kms.Key:
        return self._key
