from aws_cdk import Stack
from aws_cdk import aws_events as events
from aws_cdk import aws_iam as iam
from aws_cdk import aws_logs as logs
from aws_cdk import aws_s3 as s3
from constructs import Construct


def summarize(events: list, logs: dict) -> dict:
    # parameters named like the module aliases: plain Python objects, not aws_cdk modules
    events.append("done")
    return {"count": len(events), "levels": logs.RetentionDays.SEVEN_DAYS}


class Shadowed(Stack):
    def __init__(self, scope: Construct, construct_id: str, names: list, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        role = iam.Role(self, "Role", assumed_by=iam.AccountRootPrincipal())
        bucket = s3.Bucket(self, "Bucket")
        bucket.grant_read(role)
        # a loop variable that reuses the name of a bucket: its type is not the bucket's
        for bucket in [self.node.try_get_context("extra")]:
            bucket.grant(role, "s3:GetObject")
        # still checked: the module alias is not shadowed here
        logs.LogGroup(self, "Logs", retention=logs.RetentionDays.SEVEN_DAYS)

    @staticmethod
    def settings() -> list:
        with open("settings.json") as s3:
            return s3.readlines()
