from aws_cdk import Duration, Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from constructs import Construct


class OkStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, table_options: dict, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        pk = dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING)
        dynamodb.Table(
            self,
            "Current",
            partition_key=pk,
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=True
            ),
        )
        ec2.Vpc(self, "Vpc", ip_addresses=ec2.IpAddresses.cidr("10.0.0.0/16"))
        dynamodb.Table(self, "Spread", partition_key=pk, point_in_time_recovery=True, **table_options)
        dynamodb.Table(
            self,
            "Both",
            partition_key=pk,
            point_in_time_recovery=True,
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=True
            ),
        )
        lambda_.Function(
            self,
            "Fn",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(e, c):\n    return 1"),
            log_retention=logs.RetentionDays.ONE_WEEK,  # needs a LogGroup construct: reported
            timeout=Duration.seconds(10),
        )
        dynamodb.Table(self, "Quiet", partition_key=pk, point_in_time_recovery=True)  # remediator: ignore[CDK105]
        lambda_.Function(
            self,
            "Legacy",
            runtime=lambda_.Runtime.PYTHON_3_8,  # deprecated runtime: reported (no single replacement)
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(e, c):\n    return 1"),
        )
        ec2.Instance(
            self,
            "Box",
            vpc=ec2.Vpc.from_lookup(self, "Default", is_default=True),
            instance_type=ec2.InstanceType("t3.micro"),
            machine_image=ec2.MachineImage.latest_amazon_linux(),  # a different AMI family: reported
        )
