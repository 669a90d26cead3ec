from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from constructs import Construct

#: shared by every function of the app (other modules may import it too)
DEFAULT_ENV = {
    "LOG_LEVEL": "INFO",
    "AWS_REGION": "eu-west-1",
}


class ServiceStack(Stack):
    """A module-level environment dict: reported (synth fails), not changed, since other modules
    may import it for something else."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        lambda_.Function(
            self,
            "Api",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return {}"),
            environment=DEFAULT_ENV,
        )


class WorkerStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, DEFAULT_ENV: dict, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        # the parameter, not the module's dict: nothing to say
        lambda_.Function(
            self,
            "Worker",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return {}"),
            environment=DEFAULT_ENV,
        )
