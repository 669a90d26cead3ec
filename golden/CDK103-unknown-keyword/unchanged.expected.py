import json

from aws_cdk import Stack
from aws_cdk import aws_rds as rds
from aws_cdk import aws_s3 as s3
from constructs import Construct


def bucket_options(**overrides):
    return {"versioned": True, **overrides}


class Unchanged(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        # a **kwargs spread may carry anything: left alone
        s3.Bucket(self, "Spread", versioning=True, **bucket_options())
        # not aws_cdk
        json.dumps({"a": 1}, backup_window=1) if False else None
        # a receiver of unknown type
        store = self.make_store()
        store.add_lifecycle_rule(prefix_filter="x/")
        # the right keyword is already given: report, do not duplicate
        s3.Bucket(self, "Both", versioned=True, versioning=True)
        rds.DatabaseInstance(self, "Db", engine=rds.DatabaseInstanceEngine.POSTGRES, vpc=self.vpc, backup="daily")

    def make_store(self):
        return s3.Bucket(self, "Store")


class Ambiguous(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        from aws_cdk import aws_ec2 as ec2
        from aws_cdk import aws_lambda as lambda_

        # two accepted keywords fit equally well: reported with the candidates, never guessed
        ec2.Vpc(self, "Vpc", enable_dns=True)
        lambda_.Function(self, "Fn", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                         code=lambda_.Code.from_asset("lambda"), log_level="INFO")
        # a struct's fields: no close field takes a number
        s3.LifecycleRule(prefix="tmp/", expiration_days=1)
