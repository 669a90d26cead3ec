from aws_cdk import Duration, RemovalPolicy, Stack
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_elasticache as elasticache
from aws_cdk import aws_rds as rds
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct


class DataStack(Stack):
    """Aurora MySQL for the API plus a Redis cache and the third-party API secret."""

    def __init__(self, scope: Construct, construct_id: str, *, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.cluster = rds.DatabaseCluster(
            self,
            "ApiDb",
            engine=rds.DatabaseClusterEngine.aurora_mysql(version=rds.AuroraMysqlEngineVersion.VER_8_0_MYSQL_3_02_0),
            writer=rds.ClusterInstance.serverless_v2(
                "writer",
                enable_performance_insights=True,
                performance_insight_retention=rds.PerformanceInsightRetention.DAYS_7,
            ),
            readers=[rds.ClusterInstance.serverless_v2("reader", scale_with_writer=True)],
            serverless_v2_min_capacity=0.5,
            serverless_v2_max_capacity=8,
            vpc=vpc,
            vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS),
            default_database_name="api",
            storage_encrypted=True,
            backup=rds.BackupProps(retention=Duration.days(14), preferred_window="03:00-04:00"),
            removal_policy=RemovalPolicy.DESTROY,
        )

        cache_sg = ec2.SecurityGroup(self, "CacheSg", vpc=vpc, description="Redis")
        cache_sg.add_ingress_rule(ec2.Peer.ipv4(vpc.vpc_cidr_block), ec2.Port.tcp(6379))

        subnets = elasticache.CfnSubnetGroup(
            self,
            "CacheSubnets",
            description="cache subnets",
            subnet_ids=vpc.select_subnets(subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS).subnet_ids,
        )
        cache = elasticache.CfnReplicationGroup(
            self,
            "Cache",
            description="API response cache",
            engine="redis",
            cache_node_type="cache.t4g.micro",
            num_cache_clusters=2,
            automatic_failover_enabled=True,
            transit_encryption_enabled=True,
            at_rest_encryption_enabled=True,
            cache_subnet_group_name=subnets.ref,
            security_group_ids=[cache_sg.security_group_id],
        )
        self.cache_endpoint = cache.attr_primary_end_point_address

        self.api_secret = secretsmanager.Secret(
            self,
            "ThirdPartyApiKey",
            secret_name="api/third-party-key",
            secret_string_value=secretsmanager.SecretValue.unsafe_plain_text("placeholder"),
        )
