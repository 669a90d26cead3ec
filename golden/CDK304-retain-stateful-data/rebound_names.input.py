from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_rds as rds
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sqs as sqs
from constructs import Construct


class ScratchStack(Stack):
    """A name bound by a loop, a parameter or a `with` as well as by a construct call may hold
    something else when the policy is applied: such calls are left alone."""

    def __init__(self, scope: Construct, construct_id: str, *, engine: rds.IInstanceEngine, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        db = rds.DatabaseInstance(self, "Db", engine=engine, vpc=vpc)
        queues = [sqs.Queue(self, "In"), sqs.Queue(self, "Out")]
        for db in queues:  # the name now holds queues
            db.apply_removal_policy(RemovalPolicy.DESTROY)

        scratch = s3.Bucket(self, "Scratch")
        scratch.apply_removal_policy(RemovalPolicy.DESTROY)  # a bucket: fixed

    def add_store(self, name: str, store=None) -> None:
        if store is None:
            store = rds.DatabaseInstance(self, name, engine=rds.DatabaseInstanceEngine.POSTGRES, vpc=None)
        store.apply_removal_policy(RemovalPolicy.DESTROY)  # may be the caller's construct

    def drop_all(self, *items) -> None:
        archive = s3.Bucket(self, "Archive")
        [archive.apply_removal_policy(RemovalPolicy.DESTROY) for archive in items]


def make_logs(stack: Stack) -> None:
    logs_bucket = s3.Bucket(stack, "Logs")
    logs_bucket.apply_removal_policy(RemovalPolicy.DESTROY)  # fixed: the lambda parameter below is another name
    stack.node.add_validation(lambda logs_bucket=None: [])
