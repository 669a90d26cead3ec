from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from constructs import Construct


class ValidStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, action: str) -> None:
        super().__init__(scope, construct_id)
        iam.PolicyStatement(actions=["s3:GetObject", "s3:List*", "*", "dynamodb:Query", action, "xray:Put*"],
                            resources=["*"])
