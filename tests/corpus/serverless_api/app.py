from aws_cdk import App, Stack, Duration, CfnOutput
from aws_cdk import aws_lambda as _lambda
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_logs as logs
from constructs import Construct


class TodoApiStack(Stack):

    def __init__(self, scope: Construct, id: str, **kwargs):
        super().__init__(scope, id, **kwargs)

        table = dynamodb.Table(
            self, "TodoTable",
            partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
            sort_key=dynamodb.Attribute(name="sk", type=dynamodb.AttributeType.STRING),
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
            table_name="todos",
        )

        handler = _lambda.Function(
            self, "TodoHandler",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=_lambda.Code.from_asset("lambda/todo"),
            timeout=Duration.seconds(10),
            memory_size=256,
            environment={
                "TABLE_NAME": table.table_name,
                "AWS_REGION": "us-east-1",
            },
            log_retention=logs.RetentionDays.ONE_MONTH,
        )
        table.grant_read_write_data(handler)

        api = apigw.LambdaRestApi(
            self, "TodoApi",
            handler=handler,
            proxy=False,
            default_cors_preflight_options=apigw.CorsOptions(
                allow_origins=apigw.Cors.ALL_ORIGINS,
                allow_methods=apigw.Cors.ALL_METHODS,
            ),
        )
        todos = api.root.add_resource("todos")
        todos.add_method("GET")
        todos.add_method("POST")
        todo = todos.add_resource("{id}")
        todo.add_method("GET")
        todo.add_method("DELETE")

        CfnOutput(self, "ApiUrl", value=api.url)


app = App()
TodoApiStack(app, "TodoApiStack")
app.synth()
