from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_elasticache as elasticache
from constructs import Construct


class RedisCluster(Construct):
    """A Redis replication group (cluster mode disabled) with encryption in transit and at rest."""

    def __init__(self, scope: Construct, construct_id: str, *, vpc: ec2.IVpc, node_type: str = "cache.t4g.small") -> None:
        super().__init__(scope, construct_id)

        self.security_group = ec2.SecurityGroup(
            self, "RedisSG", vpc=vpc, description="Redis access", allow_all_outbound=False
        )

        subnet_group = elasticache.CfnSubnetGroup(
            self,
            "RedisSubnetGroup",
            description="Private subnets for Redis",
            subnet_ids=[s.subnet_id for s in vpc.private_subnets],
        )

        self.replication_group = elasticache.CfnReplicationGroup(
            self,
            "RedisReplicationGroup",
            description="Session cache",
            engine="redis",
            engine_version="7.1",
            cache_node_type=node_type,
            num_cache_clusters=2,
            automatic_failover_enabled=True,
            multi_az_enabled=True,
            at_rest_encryption_enabled=True,
            transit_encryption_enabled=True,
            cache_subnet_group_name=subnet_group.ref,
            security_group_ids=[self.security_group.security_group_id],
            snapshot_retention_limit=3,
        )
        self.replication_group.add_dependency(subnet_group)

    def allow_from(self, peer: ec2.IConnectable) -> None:
        self.security_group.connections.allow_from(peer, ec2.Port.tcp(6379), "Redis from app")
