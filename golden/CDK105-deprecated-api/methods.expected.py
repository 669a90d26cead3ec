from aws_cdk import Duration, Stack
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_ecr as ecr
from aws_cdk import aws_ecs as ecs
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_stepfunctions as sfn
from aws_cdk import aws_stepfunctions_tasks as tasks
from constructs import Construct


class WorkflowStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        repo = ecr.Repository.from_repository_name(self, "Repo", "worker")
        fn = lambda_.Function(
            self,
            "Worker",
            runtime=lambda_.Runtime.FROM_IMAGE,
            handler=lambda_.Handler.FROM_IMAGE,
            code=lambda_.Code.from_ecr_image(repo, tag="v1"),
        )
        invoke = tasks.LambdaInvoke(
            self,
            "Invoke",
            lambda_function=fn,
            task_timeout=sfn.Timeout.duration(Duration.minutes(5)),
            heartbeat_timeout=sfn.Timeout.duration(Duration.seconds(30)),
        )
        sfn.StateMachine(self, "Flow", definition_body=sfn.DefinitionBody.from_chainable(invoke))
        cluster = ecs.Cluster(self, "Cluster")
        cluster.add_capacity(
            "Capacity",
            instance_type=ec2.InstanceType("t3.micro"),
            key_name="ops",  # a KeyPair construct is needed: reported
        )
