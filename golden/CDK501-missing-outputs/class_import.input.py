from aws_cdk import CfnOutput, Stack
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
        uploads = Bucket(self, "uploads-bucket")
        TableV2(self, "Sessions", partition_key=Attribute(name="id", type=AttributeType.STRING))
        CfnOutput(self, "UploadsName", value=uploads.bucket_name)
