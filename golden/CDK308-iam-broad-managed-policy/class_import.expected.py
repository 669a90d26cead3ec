from aws_cdk import Stack
from aws_cdk.aws_iam import ManagedPolicy
from constructs import Construct


class ClassStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        ManagedPolicy.from_aws_managed_policy_name("AWSLambda_FullAccess")
        ManagedPolicy.from_aws_managed_policy_name("service-role/AmazonSSMFullAccess")
