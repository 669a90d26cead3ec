from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3
from constructs import Construct


def tag_owner(bucket: s3.Bucket, team: str) -> None:
    setattr(bucket, "owner_team", team)


class Storage(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        role = iam.Role(self, "Reader", assumed_by=iam.AccountRootPrincipal())
        raw = s3.Bucket(self, "Raw")
        # Python objects take new attributes: reading them back is valid
        raw.stage = "raw"
        tag_owner(raw, "data")
        self.curated = s3.Bucket(self, "Curated")
        self.curated.stage = "curated"
        for bucket in (raw, self.curated):
            bucket.grant_read(role)
        print(raw.stage, raw.owner_team, self.curated.stage)
        # still checked: a method that does not exist
        raw.grant_read(role)
