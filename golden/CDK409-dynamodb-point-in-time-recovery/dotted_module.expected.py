import aws_cdk.aws_dynamodb as ddb
from aws_cdk import Stack
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, props: dict, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        ddb.Table(
            self,
            "Orders",
            partition_key=ddb.Attribute(name="id", type=ddb.AttributeType.STRING),
            point_in_time_recovery_specification=ddb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=True,
            ),
        )
        ddb.Table(self, "Spread", **props)
