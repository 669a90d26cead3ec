from aws_cdk import Duration, Stack
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_sqs as sqs
from constructs import Construct


class Worker(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc(self, "Vpc", max_azs=2)
        sg = ec2.SecurityGroup(self, "Sg", vpc=vpc)
        # ids and ARNs are strings: `security_groups` and `layers` take constructs, so no rename
        lambda_.Function(
            self,
            "Worker",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return None\n"),
            vpc=vpc,
            security_group_ids=["sg-0123456789abcdef0"],
            layer_arns=["arn:aws:lambda:us-east-1:123456789012:layer:deps:3"],
        )
        # a list of constructs fits: renamed
        lambda_.Function(
            self,
            "Other",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return None\n"),
            vpc=vpc,
            security_groups=[sg],
        )
        sqs.Queue(self, "Jobs", retention_period=Duration.days(4))
