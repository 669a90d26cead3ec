from constructs import Construct


def make_table(scope: Construct, name: str):
    from aws_cdk import aws_dynamodb as dynamo

    return dynamo.Table(
        scope,
        name,
        partition_key=dynamo.Attribute(name="id", type=dynamo.AttributeType.STRING),
        point_in_time_recovery_specification=dynamo.PointInTimeRecoverySpecification(
            point_in_time_recovery_enabled=True,
        ),
    )
