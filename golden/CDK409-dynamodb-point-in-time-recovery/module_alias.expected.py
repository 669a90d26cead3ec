from aws_cdk import Stack
from aws_cdk import aws_dynamodb as dynamodb
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, pitr: bool, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        key = dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING)
        dynamodb.Table(
            self,
            "Orders",
            partition_key=key,
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=True,
            ),
        )
        dynamodb.Table(
            self,
            "Off",
            partition_key=key,
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=True,
            ),
        )
        dynamodb.Table(self, "Deprecated", partition_key=key, point_in_time_recovery=True)
        dynamodb.Table(
            self,
            "SpecOff",
            partition_key=key,
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=True
            ),
        )
        dynamodb.Table(
            self,
            "SpecOn",
            partition_key=key,
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=True, recovery_period_in_days=7
            ),
        )
        dynamodb.Table(self, "Computed", partition_key=key, point_in_time_recovery=pitr)
        dynamodb.TableV2(
            self,
            "V2",
            partition_key=key,
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=True,
            ),
        )
