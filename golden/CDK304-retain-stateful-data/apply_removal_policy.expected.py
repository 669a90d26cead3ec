from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_elasticache as elasticache
from aws_cdk import aws_kms as kms
from aws_cdk import aws_rds as rds
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sqs as sqs
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.bucket = s3.Bucket(self, "Data", versioned=True)
        self.bucket.apply_removal_policy(RemovalPolicy.RETAIN)
        table = dynamodb.CfnTable(
            self,
            "Raw",
            key_schema=[dynamodb.CfnTable.KeySchemaProperty(attribute_name="pk", key_type="HASH")],
            attribute_definitions=[dynamodb.CfnTable.AttributeDefinitionProperty(attribute_name="pk",
                                                                                 attribute_type="S")],
            billing_mode="PAY_PER_REQUEST",
        )
        table.apply_removal_policy(policy=RemovalPolicy.RETAIN)
        kms.CfnKey(self, "L1Key", enable_key_rotation=True).apply_removal_policy(RemovalPolicy.RETAIN)
        db = rds.CfnDBInstance(self, "L1Db", engine="postgres", db_instance_class="db.t3.micro",
                               allocated_storage="20", master_username="dbadmin",
                               manage_master_user_password=True)
        db.apply_removal_policy(RemovalPolicy.SNAPSHOT)
        cache = elasticache.CfnReplicationGroup(self, "Cache", replication_group_description="sessions",
                                                engine="redis", cache_node_type="cache.t3.micro",
                                                num_cache_clusters=1)
        cache.apply_removal_policy(RemovalPolicy.SNAPSHOT)
        volume = ec2.CfnVolume(self, "L1Volume", availability_zone="us-east-1a", size=20)
        volume.apply_removal_policy(RemovalPolicy.SNAPSHOT)
        # left alone: a queue is not stateful data; memcached cannot snapshot; the member
        # instance of a cluster is covered by its cluster; the receiver's type is unknown
        queue = sqs.Queue(self, "Work")
        queue.apply_removal_policy(RemovalPolicy.DESTROY)
        memcached = elasticache.CfnCacheCluster(self, "Memcached", engine="memcached",
                                                cache_node_type="cache.t3.micro", num_cache_nodes=1)
        memcached.apply_removal_policy(RemovalPolicy.DESTROY)
        member = rds.CfnDBInstance(self, "Member", engine="aurora-postgresql", db_instance_class="db.r6g.large",
                                   db_cluster_identifier="orders-cluster")
        member.apply_removal_policy(RemovalPolicy.DESTROY)
        self.bucket.node.default_child.apply_removal_policy(RemovalPolicy.DESTROY)
