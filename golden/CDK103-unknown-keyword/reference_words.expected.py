from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class Worker(Stack):
    def __init__(self, scope: Construct, construct_id: str, sg_ids: list, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc.from_lookup(self, "Vpc", vpc_id=self.node.try_get_context("vpc_id"))
        role_arn = self.node.try_get_context("role_arn")
        # ids and ARNs of unknown type: `security_groups` and `role` take constructs, so no rename
        lambda_.Function(
            self,
            "Worker",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return None\n"),
            vpc=vpc,
            security_group_ids=sg_ids,
            role_arn=role_arn,
            memory_size=512,
        )
