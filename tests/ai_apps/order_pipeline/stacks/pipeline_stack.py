from aws_cdk import (
    Stack,
    Duration,
    CfnOutput,
    aws_lambda as _lambda,
    aws_apigateway as apigw,
    aws_sqs as sqs,
    aws_sns as sns,
    aws_sns_subscriptions as subs,
    aws_logs as logs,
    aws_dynamodb as dynamodb,
)
from aws_cdk.aws_lambda_event_sources import SqsEventSource
from constructs import Construct


CREATE_ORDER_CODE = """
import json, os, uuid, boto3

sqs = boto3.client("sqs")

def handler(event, context):
    body = json.loads(event.get("body") or "{}")
    order_id = str(uuid.uuid4())
    sqs.send_message(QueueUrl=os.environ["QUEUE_URL"], MessageBody=json.dumps({"orderId": order_id, **body}))
    return {"statusCode": 202, "body": json.dumps({"orderId": order_id})}
"""

PROCESS_ORDER_CODE = """
import json, os, boto3
from datetime import datetime, timezone

table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])
sns = boto3.client("sns")

def handler(event, context):
    for record in event["Records"]:
        order = json.loads(record["body"])
        order["createdAt"] = datetime.now(timezone.utc).isoformat()
        table.put_item(Item=order)
        sns.publish(TopicArn=os.environ["TOPIC_ARN"], Message=json.dumps(order))
"""


class OrderPipelineStack(Stack):
    """API Gateway -> Lambda -> SQS -> Lambda -> DynamoDB + SNS notifications."""

    def __init__(self, scope: Construct, construct_id: str, *, orders_table: dynamodb.ITable, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        dlq = sqs.Queue(self, "OrdersDLQ", retention_period=Duration.days(14))
        queue = sqs.Queue(
            self,
            "OrdersQueue",
            visibility_timeout=Duration.seconds(60),
            dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=3, queue=dlq),
        )

        topic = sns.Topic(self, "OrderEvents", display_name="Order events")
        topic.add_subscription(subs.EmailSubscription("ops@example.com"))

        create_fn = _lambda.Function(
            self,
            "CreateOrderFn",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=_lambda.Code.from_inline(CREATE_ORDER_CODE),
            timeout=Duration.seconds(10),
            environment={
                "QUEUE_URL": queue.queue_url,
                "AWS_REGION": self.region,
            },
            log_retention=logs.RetentionDays.THIRTY_DAYS,
        )
        queue.grant_send_messages(create_fn)

        process_fn = _lambda.Function(
            self,
            "ProcessOrderFn",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=_lambda.Code.from_inline(PROCESS_ORDER_CODE),
            timeout=Duration.seconds(30),
            environment={
                "TABLE_NAME": orders_table.table_name,
                "TOPIC_ARN": topic.topic_arn,
            },
            log_retention=logs.RetentionDays.THIRTY_DAYS,
        )
        process_fn.add_event_source(SqsEventSource(queue, batch_size=10))
        orders_table.grant_write_data(process_fn)
        topic.grant_publish(process_fn)

        access_logs = logs.LogGroup(self, "ApiAccessLogs", retention=logs.RetentionDays.ONE_MONTH)
        api = apigw.RestApi(
            self,
            "OrdersApi",
            rest_api_name="orders-api",
            deploy_options=apigw.StageOptions(
                stage_name="prod",
                access_log_destination=apigw.LogGroupLogDestination(access_logs),
                access_log_format=apigw.AccessLogFormat.json_with_standard_fields(),
                metrics_enabled=True,
                throttling_rate_limit=100,
                throttling_burst_limit=200,
            ),
        )
        orders = api.root.add_resource("orders")
        orders.add_method("POST", apigw.LambdaIntegration(create_fn))

        CfnOutput(self, "ApiUrl", value=api.url)
        CfnOutput(self, "QueueUrl", value=queue.queue_url)
