# A DESTROY that only runs under a test of the environment is no finding, in any spelling.
import aws_cdk as cdk
from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_dynamodb as dynamodb, aws_logs as logs, aws_s3 as s3
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, stage: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        is_prod = stage == "prod"
        key = dynamodb.Attribute(name="id", type=dynamodb.AttributeType.STRING)
        if is_prod:
            table = dynamodb.Table(self, "Items", partition_key=key, removal_policy=RemovalPolicy.RETAIN)
        else:
            table = dynamodb.Table(self, "Items", partition_key=key, removal_policy=RemovalPolicy.DESTROY)

        log_group = logs.LogGroup(self, "Audit", retention=logs.RetentionDays.ONE_YEAR)
        if not is_prod:
            log_group.apply_removal_policy(RemovalPolicy.DESTROY)

        if stage in ("dev", "test"):
            s3.Bucket(self, "Fixtures", removal_policy=cdk.RemovalPolicy.DESTROY, auto_delete_objects=True,
                      block_public_access=s3.BlockPublicAccess.BLOCK_ALL, enforce_ssl=True)

        # left alone today; must stay unchanged
        s3.Bucket(self, "A", removal_policy=RemovalPolicy.RETAIN if is_prod else RemovalPolicy.DESTROY,
                  block_public_access=s3.BlockPublicAccess.BLOCK_ALL, enforce_ssl=True)
        s3.Bucket(self, "B", removal_policy=RemovalPolicy.DESTROY if stage == "dev" else RemovalPolicy.RETAIN,
                  block_public_access=s3.BlockPublicAccess.BLOCK_ALL, enforce_ssl=True)
        if is_prod:
            policy = RemovalPolicy.RETAIN
        else:
            policy = RemovalPolicy.DESTROY
        s3.Bucket(self, "C", removal_policy=policy, block_public_access=s3.BlockPublicAccess.BLOCK_ALL, enforce_ssl=True)
        policies = {"prod": RemovalPolicy.RETAIN}
        s3.Bucket(self, "D", removal_policy=policies.get(stage, RemovalPolicy.DESTROY),
                  block_public_access=s3.BlockPublicAccess.BLOCK_ALL, enforce_ssl=True)
