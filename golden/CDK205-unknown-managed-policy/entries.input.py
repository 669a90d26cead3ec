from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from constructs import Construct


class WorkerStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        role = iam.Role(
            self,
            "Worker",
            assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
            managed_policies=[
                iam.ManagedPolicy.from_aws_managed_policy_name("AWSLambdaBasicExecutionRole"),
                iam.ManagedPolicy.from_aws_managed_policy_name("AWSLambdaInsightsWriter"),
                iam.ManagedPolicy.from_aws_managed_policy_name("CloudWatchLambdaInsightsExecutionRolePolicy"),
                iam.ManagedPolicy.from_aws_managed_policy_name("AWSXRayWriterAccess"),
            ],
        )
        role.add_managed_policy(iam.ManagedPolicy.from_aws_managed_policy_name("AmazonS3ReadOnly"))
        role.add_managed_policy(iam.ManagedPolicy.from_aws_managed_policy_name("awsxraydaemonwriteaccess"))
        role.add_managed_policy(iam.ManagedPolicy.from_aws_managed_policy_name(managed_policy_name="AWSLambdaFullAccess"))
        role.add_managed_policy(iam.ManagedPolicy.from_aws_managed_policy_name("DynamoDBStreamsReaderPolicy"))
        group = iam.Group(self, "Ops", managed_policies=[iam.ManagedPolicy.from_aws_managed_policy_name("OpsInventedAccess"), iam.ManagedPolicy.from_aws_managed_policy_name("ReadOnlyAccess")])
        print(group)
