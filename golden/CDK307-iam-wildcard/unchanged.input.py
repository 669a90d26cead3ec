from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from constructs import Construct


class NarrowStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, bucket_arn: str, actions: list) -> None:
        super().__init__(scope, construct_id)
        role = iam.Role(self, "Role", assumed_by=iam.ServicePrincipal("ec2.amazonaws.com"))
        role.add_to_policy(iam.PolicyStatement(actions=["ec2:DescribeInstances", "xray:PutTraceSegments"],
                                               resources=["*"]))
        role.add_to_policy(iam.PolicyStatement(actions=["s3:GetObject"], resources=[bucket_arn + "/*"]))
        role.add_to_policy(iam.PolicyStatement(actions=["kms:Decrypt"], resources=["*"],
                                               conditions={"StringEquals": {"kms:ViaService": "s3.amazonaws.com"}}))
        role.add_to_policy(iam.PolicyStatement(actions=actions, resources=[bucket_arn]))
        role.add_to_policy(iam.PolicyStatement(actions=["cloudwatch:GetMetricData", "translate:TranslateText"],
                                               resources=["*"]))
        iam.PolicyStatement(actions=["*"], principals=[iam.AnyPrincipal()], resources=[bucket_arn],
                            conditions={"StringEquals": {"s3:DataAccessPointAccount": self.account}})
