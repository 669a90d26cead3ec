import aws_cdk as cdk
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as _lambda
from aws_cdk import aws_logs as logs
from aws_cdk import aws_rds as rds
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct


class ApiPlatformStack(cdk.Stack):
    """Seed 004: API platform drafted by an assistant (see ../shared/seeds/004_*.txt)."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        env_name = self.node.try_get_context("environmentSuffix") or "dev"

        vpc = ec2.Vpc(self, "Vpc", max_azs=2)
        flow_role = iam.Role(
            self,
            "FlowLogRole",
            assumed_by=iam.ServicePrincipal("vpc-flow-logs.amazonaws.com"),
        )
        ec2.FlowLog(
            self,
            "FlowLog",
            resource_type=ec2.FlowLogResourceType.from_vpc(vpc),
            destination=ec2.FlowLogDestination.to_cloud_watch_logs(logs.LogGroup(self, "FlowLogs"), flow_role),
        )

        uploads = s3.Bucket(
            self,
            "Uploads",
            bucket_name="api-platform-uploads",
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
        )
        table = dynamodb.Table(
            self,
            "Orders",
            table_name="orders",
            partition_key=dynamodb.Attribute(name="id", type=dynamodb.AttributeType.STRING),
            removal_policy=cdk.RemovalPolicy.DESTROY,
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=True,
            ),
        )
        table.metric("ReadThrottleEvents", statistic="Sum").create_alarm(
            self,
            "OrdersReadThrottlesAlarm",
            threshold=1,
            evaluation_periods=1,
            treat_missing_data=cdk.aws_cloudwatch.TreatMissingData.NOT_BREACHING,
        )
        table.metric("WriteThrottleEvents", statistic="Sum").create_alarm(
            self,
            "OrdersWriteThrottlesAlarm",
            threshold=1,
            evaluation_periods=1,
            treat_missing_data=cdk.aws_cloudwatch.TreatMissingData.NOT_BREACHING,
        )
        database_secret_key = cdk.aws_kms.Key(self, "DatabaseSecretKey", enable_key_rotation=True)
        database = rds.DatabaseInstance(
            self,
            "Database",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16),
            vpc=vpc,
            credentials=rds.Credentials.from_generated_secret("dbadmin", encryption_key=database_secret_key),
            removal_policy=cdk.RemovalPolicy.SNAPSHOT if env_name == "prod" else cdk.RemovalPolicy.DESTROY,
        )
        api_key_secret = secretsmanager.Secret(self, "ApiKeySecret", secret_name="api-platform-key")

        instance_role = iam.Role(self, "InstanceRole", assumed_by=iam.ServicePrincipal("ec2.amazonaws.com"))
        instance_role.add_to_policy(iam.PolicyStatement(actions=["s3:*", "dynamodb:*"], resources=["*"]))

        handler = _lambda.Function(
            self,
            "OrdersHandler",
            function_name="orders-handler",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="index.handler",
            memory_size=256,
            code=_lambda.Code.from_inline(
                "import json\n"
                "import os\n"
                "\n"
                "def handler(event, context):\n"
                "    return {'statusCode': 200, 'body': json.dumps({'table': os.environ['TABLE']})}\n"
            ),
            environment={"TABLE": table.table_name, "SECRET_ARN": api_key_secret.secret_arn},
            tracing=_lambda.Tracing.ACTIVE,
            logging_format=_lambda.LoggingFormat.JSON,
        )
        handler.metric_errors().create_alarm(
            self,
            "OrdersHandlerErrorsAlarm",
            threshold=1,
            evaluation_periods=1,
            treat_missing_data=cdk.aws_cloudwatch.TreatMissingData.NOT_BREACHING,
        )
        table.grant_read_write_data(handler)
        uploads.grant_read(handler)

        api_access_logs = logs.LogGroup(self, "OrdersApiAccessLogs")
        api = apigw.LambdaRestApi(
            self,
            "OrdersApi",
            handler=handler,
            deploy_options=apigw.StageOptions(
                stage_name="prod",
                access_log_destination=apigw.LogGroupLogDestination(api_access_logs),
                access_log_format=apigw.AccessLogFormat.json_with_standard_fields(
                    caller=True,
                    http_method=True,
                    ip=True,
                    protocol=True,
                    request_time=True,
                    resource_path=True,
                    response_length=True,
                    status=True,
                    user=True,
                ),
                logging_level=apigw.MethodLoggingLevel.INFO,
                metrics_enabled=True,
            ),
        )
        cdk.CfnOutput(self, "ApiUrl", value=api.url)
