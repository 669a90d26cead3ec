import aws_cdk as cdk
import aws_cdk.aws_iam as iam
from constructs import Construct


class DottedStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        iam.PolicyStatement(actions=["lambda:InvokeFunctions"], resources=["*"])
