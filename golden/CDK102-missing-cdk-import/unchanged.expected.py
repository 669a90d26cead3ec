import json
import os

from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_s3 as s3
from constructs import Construct

try:
    from aws_cdk import aws_sqs as sqs
except ImportError:  # pragma: no cover
    sqs = None


def network(scope: Construct, ec2_mod=ec2) -> ec2.Vpc:
    return ec2_mod.Vpc(scope, "Vpc", max_azs=2)


class AppStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = network(self)
        bucket = s3.Bucket(self, "Data", enforce_ssl=True)
        if sqs is not None:
            sqs.Queue(self, "Jobs")
        # names that are not aws_cdk classes are none of this rule's business
        settings = json.loads(os.environ.get("SETTINGS", "{}"))
        self.tags_json = json.dumps({"vpc": vpc.vpc_id, "bucket": bucket.bucket_name, **settings})
        for lambda_ in []:
            lambda_.Function(self, "Never")
        unknown_helper.Thing(self)
