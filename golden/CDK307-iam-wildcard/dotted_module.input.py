import aws_cdk as cdk
import aws_cdk.aws_iam as _iam
import aws_cdk.aws_sns as sns
from constructs import Construct


class DottedStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        topic = sns.Topic(self, "Alerts")
        publisher = _iam.Role(self, "Publisher", assumed_by=_iam.ServicePrincipal("lambda.amazonaws.com"))
        publisher.add_to_policy(_iam.PolicyStatement(actions=["sns:*"], resources=["*"]))
