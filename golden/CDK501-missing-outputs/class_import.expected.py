from aws_cdk import CfnOutput, Stack, Fn
from aws_cdk.aws_dynamodb import Attribute, AttributeType, TableV2
from aws_cdk.aws_ec2 import SubnetConfiguration, SubnetType, Vpc
from aws_cdk.aws_s3 import Bucket
from constructs import Construct


class AppStack(Stack):
    """Classes imported by name; the existing CfnOutput import is reused."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        isolated = SubnetConfiguration(name="Db", subnet_type=SubnetType.PRIVATE_ISOLATED)
        vpc = Vpc(
            self,
            "Vpc",
            subnet_configuration=[
                SubnetConfiguration(name="Public", subnet_type=SubnetType.PUBLIC),
                SubnetConfiguration(name="Spare", subnet_type=SubnetType.PRIVATE_WITH_EGRESS, reserved=True),
                isolated,
            ],
        )
        CfnOutput(self, "VpcId", value=vpc.vpc_id)
        CfnOutput(
            self,
            "VpcPublicSubnetIds",
            value=Fn.join(",", [subnet.subnet_id for subnet in vpc.public_subnets]),
        )
        CfnOutput(
            self,
            "VpcIsolatedSubnetIds",
            value=Fn.join(",", [subnet.subnet_id for subnet in vpc.isolated_subnets]),
        )
        uploads = Bucket(self, "uploads-bucket")
        sessions_table_v2 = TableV2(
            self,
            "Sessions",
            partition_key=Attribute(name="id", type=AttributeType.STRING),
        )
        CfnOutput(self, "SessionsTableArn", value=sessions_table_v2.table_arn)
        CfnOutput(self, "UploadsName", value=uploads.bucket_name)
