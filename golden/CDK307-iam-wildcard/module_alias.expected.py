from aws_cdk import Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3
from constructs import Construct


class PlatformStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        uploads = s3.Bucket(self, "Uploads")
        table = dynamodb.Table(self, "Orders", partition_key=dynamodb.Attribute(
            name="id", type=dynamodb.AttributeType.STRING))
        instance_role = iam.Role(self, "InstanceRole", assumed_by=iam.ServicePrincipal("ec2.amazonaws.com"))
        instance_role.add_to_policy(iam.PolicyStatement(actions=["s3:*", "dynamodb:*"], resources=["*"]))
        read_logs = iam.PolicyStatement(actions=["s3:GetObject", "logs:PutLogEvents"], resources=["*"])
        instance_role.add_to_policy(read_logs)
