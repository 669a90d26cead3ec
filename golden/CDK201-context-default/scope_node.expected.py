import aws_cdk
from constructs import Construct


class Naming(Construct):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        self.environment_name = scope.node.try_get_context("environment")
        self.prefix = f"svc-{self.environment_name}"
        aws_cdk.CfnOutput(self, "Prefix", value=self.prefix)
