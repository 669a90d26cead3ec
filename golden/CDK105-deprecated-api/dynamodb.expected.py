from aws_cdk import Stack
from aws_cdk import aws_dynamodb as dynamodb
from constructs import Construct


class TablesStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        pk = dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING)
        dynamodb.Table(
            self,
            "Items",
            partition_key=pk,
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(point_in_time_recovery_enabled=True),  # keep backups
        )
        dynamodb.Table(
            self,
            "Events",
            partition_key=pk,
            contributor_insights_specification=dynamodb.ContributorInsightsSpecification(enabled=False),
        )
        dynamodb.TableV2(
            self,
            "Global",
            partition_key=pk,
            contributor_insights_specification=dynamodb.ContributorInsightsSpecification(enabled=True),
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(point_in_time_recovery_enabled=True),
        )
