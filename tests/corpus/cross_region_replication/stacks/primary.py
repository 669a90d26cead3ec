from aws_cdk import Stack, RemovalPolicy
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_iam as iam
from constructs import Construct


class PrimaryStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, replica_bucket: s3.IBucket, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        role = iam.Role(self, "ReplicationRole", assumed_by=iam.ServicePrincipal("s3.amazonaws.com"))
        source = s3.Bucket(
            self,
            "Source",
            versioned=True,
            removal_policy=RemovalPolicy.DESTROY,
            replication_role=role,
            replication_rules=[s3.ReplicationRule(destination=replica_bucket, priority=1)],
        )
        replica_bucket.grant_write(role)
        source.grant_read(role)
