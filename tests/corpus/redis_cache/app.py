from aws_cdk import App, Stack, RemovalPolicy
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_elasticache as elasticache
from constructs import Construct


class CacheStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc.from_lookup(self, "Vpc", vpc_name="shared")
        subnets = elasticache.CfnSubnetGroup(
            self, "CacheSubnets",
            description="cache subnets",
            subnet_ids=[s.subnet_id for s in vpc.private_subnets],
        )
        sg = ec2.SecurityGroup(self, "CacheSg", vpc=vpc)
        sg.add_ingress_rule(ec2.Peer.ipv4(vpc.vpc_cidr_block), ec2.Port.tcp(6379))
        cache = elasticache.CfnReplicationGroup(
            self, "Sessions",
            replication_group_description="session cache",
            engine="redis",
            cache_node_type="cache.t4g.small",
            num_cache_clusters=2,
            automatic_failover_enabled=True,
            at_rest_encryption_enabled=True,
            transit_encryption_enabled=True,
            cache_subnet_group_name=subnets.ref,
            security_group_ids=[sg.security_group_id],
        )
        cache.apply_removal_policy(RemovalPolicy.DESTROY)


app = App()
CacheStack(app, "Cache", env={"account": "123456789012", "region": "us-west-2"})
app.synth()
