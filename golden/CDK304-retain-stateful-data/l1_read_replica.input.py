from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_rds as rds
from constructs import Construct


class ReplicaStack(Stack):
    """L1 read replicas hold no data of their own and RDS cannot take a final snapshot of them:
    left alone, like the L2 DatabaseInstanceReadReplica. The primary gets SNAPSHOT."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        primary = rds.CfnDBInstance(self, "Primary", engine="postgres", db_instance_class="db.t3.micro",
                                    allocated_storage="20", master_username="app", manage_master_user_password=True)
        primary.apply_removal_policy(RemovalPolicy.DESTROY)
        replica = rds.CfnDBInstance(self, "Replica", db_instance_class="db.t3.micro",
                                    source_db_instance_identifier=primary.ref)
        replica.apply_removal_policy(RemovalPolicy.DESTROY)
        cluster_replica = rds.CfnDBInstance(self, "ClusterReplica", db_instance_class="db.m6gd.large",
                                            source_db_cluster_identifier="multi-az-cluster")
        cluster_replica.apply_removal_policy(RemovalPolicy.DESTROY)
