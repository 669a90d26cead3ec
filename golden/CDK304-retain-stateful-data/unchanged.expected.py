from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_ecr as ecr
from aws_cdk import aws_rds as rds
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sqs as sqs
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, env_name: str = "dev", source=None,
                 extra=None, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        dev = env_name != "prod"
        # a deliberate per-environment choice is left alone
        s3.Bucket(self, "Scratch", removal_policy=RemovalPolicy.DESTROY if dev else RemovalPolicy.RETAIN,
                  auto_delete_objects=dev)
        policy = RemovalPolicy.DESTROY
        s3.Bucket(self, "FromVariable", removal_policy=policy)
        s3.Bucket(self, "Retained", removal_policy=RemovalPolicy.RETAIN)
        # not stateful data in this rule's sense
        sqs.Queue(self, "Work", removal_policy=RemovalPolicy.DESTROY)
        ecr.Repository(self, "Images", removal_policy=RemovalPolicy.DESTROY, empty_on_delete=True)
        # a read replica holds no data of its own
        if source is not None:
            rds.DatabaseInstanceReadReplica(self, "Replica", source_database_instance=source,
                                            instance_type=source.instance_type, vpc=source.vpc,
                                            removal_policy=RemovalPolicy.DESTROY)
