from aws_cdk import Stack
from aws_cdk import aws_ecs as ecs
from aws_cdk import aws_lambda as lambda_
from constructs import Construct

COMMON = {"LOG_LEVEL": "INFO"}


class SafeStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, shared, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        lambda_.Function(
            self,
            "Fn",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(e, c):\n    return 1"),
            environment={**COMMON, "AWS_LAMBDA_EXEC_WRAPPER": "/opt/wrap", "AWS_XRAY_CONTEXT_MISSING": "LOG_ERROR"},
        )
        lambda_.Function(
            self,
            "Suppressed",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(e, c):\n    return 1"),
            environment={"AWS_REGION": "eu-west-1"},  # remediator: ignore[CDK204]
        )
        task = ecs.FargateTaskDefinition(self, "Task")
        task.add_container("App", image=ecs.ContainerImage.from_registry("nginx"),
                           environment={"AWS_REGION": self.region})  # containers may set it
        shared.add_environment("AWS_REGION", self.region)  # unknown receiver
