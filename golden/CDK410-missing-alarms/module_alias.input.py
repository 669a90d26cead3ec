from aws_cdk import Stack
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class AppStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        code = lambda_.Code.from_asset("lambda")
        rt = lambda_.Runtime.PYTHON_3_12
        worker = lambda_.Function(self, "Worker", runtime=rt, handler="index.handler", code=code)
        watched = lambda_.Function(self, "Watched", runtime=rt, handler="index.handler", code=code)
        cloudwatch.Alarm(self, "WatchedErrors", metric=watched.metric_errors(), threshold=1, evaluation_periods=1)
        by_name = lambda_.Function(self, "ByName", runtime=rt, handler="index.handler", code=code)
        cloudwatch.Alarm(
            self,
            "ByNameErrors",
            metric=cloudwatch.Metric(namespace="AWS/Lambda", metric_name="Errors",
                                     dimensions_map={"FunctionName": by_name.function_name}),
            threshold=1,
            evaluation_periods=1,
        )
        table = dynamodb.Table(self, "Events", partition_key=dynamodb.Attribute(
            name="pk", type=dynamodb.AttributeType.STRING))
        throttled = dynamodb.Table(self, "Throttled", partition_key=dynamodb.Attribute(
            name="pk", type=dynamodb.AttributeType.STRING))
        throttled.metric_throttled_requests_for_operation("GetItem").create_alarm(
            self, "ThrottledGets", threshold=1, evaluation_periods=1)
