from aws_cdk import Duration, Stack
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sqs as sqs
from constructs import Construct


class ObservabilityStack(Stack):
    """Methods are renamed by meaning, never by spelling alone."""

    def __init__(self, scope: Construct, construct_id: str, fn: lambda_.Function, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        api = apigw.RestApi(self, "Api")
        client_errors = api.metric_client_error()  # reviewed: metric_client_error
        server_errors = api.metric_server_error(period=Duration.minutes(1))  # reviewed: metric_server_error
        latency = cloudwatch.Metric(namespace="AWS/ApiGateway", metric_name="Latency")
        p99 = latency.with_(statistic="p99")  # CDK v1: with_(statistic=...)
        per_minute = latency.with_(period=Duration.minutes(1))
        table = dynamodb.Table(self, "Items", partition_key=dynamodb.Attribute(
            name="pk", type=dynamodb.AttributeType.STRING))
        table.grant_read_write_data(fn)  # reviewed: grant_read_write_data
        queue = sqs.Queue(self, "Jobs")
        queue.grant_send_messages(fn)  # reviewed: grant_send_messages
        bucket = s3.Bucket(self, "Data")
        bucket.grant_read_write(fn)  # spelling only: grant_read_write
        print(bucket.bucket_arn)  # named after its class: bucket_arn
        # this function's ConcurrentExecutions (metric_all_concurrent_executions, close in
        # spelling, is the account-wide total)
        concurrency = fn.metric(
            "ConcurrentExecutions", statistic="Maximum", period=Duration.minutes(1)
        )
        # positional arguments: reported with what to write
        fn.metric_concurrent_executions(Duration.minutes(1))
