from aws_cdk import Duration, NestedStack
from aws_cdk import aws_apigateway as apigateway
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_s3 as s3
from constructs import Construct


class ApiNestedStack(NestedStack):
    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        env_name: str,
        table: dynamodb.ITable,
        uploads_bucket: s3.IBucket,
        **kwargs,
    ) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self._create_access_logs()
        self.env_name = env_name

        fn = lambda_.Function(
            self,
            "CustomersFn",
            function_name=f"{env_name}-customers-api",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return {'statusCode': 200, 'body': '[]'}\n"),
            timeout=Duration.seconds(10),
            environment={
                "TABLE": table.table_name,
                "BUCKET": uploads_bucket.bucket_name,
                "ENVIRONMENT": env_name,
            },
        )
        table.grant_read_write_data(fn)
        uploads_bucket.grant_put(fn)

        api = apigateway.LambdaRestApi(
            self,
            "CustomersApi",
            rest_api_name=f"{env_name}-customers",
            handler=fn,
            deploy_options=apigateway.StageOptions(
                stage_name=env_name,
                access_log_destination=apigateway.LogGroupLogDestination(self.access_logs),
                access_log_format=apigateway.AccessLogFormat.clf(),
            ),
        )
        self.api_url = api.url

    def _create_access_logs(self) -> None:
        self.access_logs = logs.LogGroup(
            self,
            "AccessLogs",
            log_group_name=f"/platform/{self.env_name}/api-access",
            retention=logs.RetentionDays.THIRTY_DAYS,
        )
