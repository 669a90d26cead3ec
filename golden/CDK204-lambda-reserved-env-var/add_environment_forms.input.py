from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class HandlersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        fn = lambda_.Function(
            self,
            "Handler",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return {}"),
        )
        fn.add_environment(key="AWS_REGION", value=self.region)
        fn.add_environment(value=self.region, key="AWS_DEFAULT_REGION")
        fn.add_environment("LAMBDA_TASK_ROOT", "/var/task", remove_in_edge=True)
        fn.add_environment(key="REGION", value=self.region)  # settable: unchanged
        returned = fn.add_environment("AWS_SESSION_TOKEN", "token")  # the value is used: report only
