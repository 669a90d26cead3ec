import aws_cdk
import constructs


class DataStack(aws_cdk.Stack):
    def __init__(self, scope: constructs.Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        aws_cdk.aws_dynamodb.CfnTable(
            self,
            "L1",
            key_schema=[aws_cdk.aws_dynamodb.CfnTable.KeySchemaProperty(attribute_name="pk", key_type="HASH")],
            attribute_definitions=[
                aws_cdk.aws_dynamodb.CfnTable.AttributeDefinitionProperty(attribute_name="pk", attribute_type="S")
            ],
            billing_mode="PAY_PER_REQUEST",
            point_in_time_recovery_specification=aws_cdk.aws_dynamodb.CfnTable.PointInTimeRecoverySpecificationProperty(
                point_in_time_recovery_enabled=True,
            ),
        )
        aws_cdk.aws_dynamodb.CfnTable(
            self,
            "L1Off",
            key_schema=[],
            point_in_time_recovery_specification=aws_cdk.aws_dynamodb.CfnTable.PointInTimeRecoverySpecificationProperty(
                point_in_time_recovery_enabled=True
            ),
        )
