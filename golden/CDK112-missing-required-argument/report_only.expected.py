from aws_cdk import Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_s3 as s3
from constructs import Construct


class ReportStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        table = dynamodb.Table(self, "Items", partition_key=dynamodb.Attribute(name="pk"))
        table.add_global_secondary_index(partition_key=dynamodb.Attribute(name="sk", type=dynamodb.AttributeType.STRING))
        lambda_.Function(self, "Fn", handler="index.handler", code=lambda_.Code.from_asset("lambda"))
        s3.Bucket(self)
        options = {"versioned": True}
        s3.Bucket(self, "Spread", **options)
