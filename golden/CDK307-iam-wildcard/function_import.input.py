from aws_cdk import Stack
from constructs import Construct


class LazyStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        from aws_cdk import aws_iam as iam
        from aws_cdk import aws_sqs as sqs

        jobs = sqs.Queue(self, "Jobs", enforce_ssl=True)
        statement = iam.PolicyStatement(actions=["sqs:SendMessage"], resources=["*"])
        worker = iam.Role(self, "Worker", assumed_by=iam.ServicePrincipal("ecs-tasks.amazonaws.com"))
        worker.add_to_policy(statement)
