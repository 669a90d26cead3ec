from aws_cdk import Stack, CfnOutput
from aws_cdk import aws_ec2 as ec2
from constructs import Construct

from lib.redis_construct import RedisCluster


class CacheStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        vpc = ec2.Vpc(self, "CacheVpc", max_azs=2)

        app_sg = ec2.SecurityGroup(self, "AppSG", vpc=vpc, description="Application tier")

        redis = RedisCluster(self, "SessionCache", vpc=vpc)
        redis.allow_from(app_sg)

        CfnOutput(self, "RedisEndpoint", value=redis.replication_group.attr_primary_end_point_address)
