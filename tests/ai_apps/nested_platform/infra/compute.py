from aws_cdk import Duration, NestedStack
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_dynamodb as dynamodb
from constructs import Construct


class ComputeNestedStack(NestedStack):
    def __init__(self, scope: Construct, construct_id: str, *, vpc: ec2.IVpc, sg: ec2.ISecurityGroup,
                 table: dynamodb.ITable, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.sync_fn = lambda_.Function(
            self,
            "InventorySync",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return 'synced'\n"),
            vpc=vpc,
            vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS),
            security_groups=[sg],
            timeout=Duration.minutes(2),
            environment={"TABLE_NAME": table.table_name},
        )
        table.grant_read_write_data(self.sync_fn)
