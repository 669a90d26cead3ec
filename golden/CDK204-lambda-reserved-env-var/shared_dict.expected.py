from aws_cdk import Stack
from aws_cdk import aws_ecs as ecs
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class WorkersStack(Stack):
    """Environment dicts bound to a name: the key is removed only when the dict is used by Lambda
    functions alone; a dict also given to an ECS container (which may need AWS_REGION) or changed
    after its definition is reported but not changed."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        code = lambda_.Code.from_inline("def handler(event, context):\n    return {}")

        shared_env = {"QUEUE": "jobs", "AWS_REGION": self.region}
        lambda_.Function(
            self, "Api", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=code,
            environment=shared_env,
        )
        task = ecs.FargateTaskDefinition(self, "Task")
        task.add_container("Worker", image=ecs.ContainerImage.from_registry("busybox"), environment=shared_env)

        lambda_env = {"QUEUE": "jobs"}
        lambda_.Function(
            self, "Reader", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=code,
            environment=lambda_env,
        )
        lambda_.Function(
            self, "Writer", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=code,
            environment=lambda_env,
        )

        extended = {"AWS_REGION": self.region}
        extended.update(QUEUE="jobs")
        lambda_.Function(
            self, "Extended", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=code,
            environment=extended,
        )
