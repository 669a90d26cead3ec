from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from constructs import Construct


class PreviewStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        iam.PolicyStatement(actions=["s3:PreviewFeature"], resources=["*"])  # remediator: ignore[CDK309]
