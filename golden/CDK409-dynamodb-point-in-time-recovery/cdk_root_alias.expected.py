import aws_cdk as cdk
from constructs import Construct


class DataStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.table = cdk.aws_dynamodb.TableV2(
            self,
            "Events",
            partition_key=cdk.aws_dynamodb.Attribute(
                name="id",
                type=cdk.aws_dynamodb.AttributeType.STRING,
            ),
            point_in_time_recovery_specification=cdk.aws_dynamodb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=True,
            ),
        )
