from constructs import Construct


def make_table(scope: Construct, name: str):
    from aws_cdk import aws_dynamodb as dynamo

    return dynamo.Table(scope, name, partition_key=dynamo.Attribute(name="id", type=dynamo.AttributeType.STRING))
