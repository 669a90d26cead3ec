from aws_cdk import Stack
from aws_cdk.aws_iam import Grant, PolicyStatement, ServicePrincipal
from constructs import Construct


class ClassStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        PolicyStatement(actions=["logs:PutLogEvent", "kms:ReEncrypt"], resources=["*"])
        Grant.add_to_principal(grantee=ServicePrincipal("ec2.amazonaws.com"), actions=["ec2:DescribeInstance"],
                               resource_arns=["*"])
