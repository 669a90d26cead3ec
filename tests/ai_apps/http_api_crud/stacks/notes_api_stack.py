import aws_cdk as cdk
from aws_cdk import aws_apigatewayv2 as apigwv2
from aws_cdk import aws_apigatewayv2_integrations as integrations
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from constructs import Construct


class NotesApiStack(cdk.Stack):
    """CRUD HTTP API for notes: API Gateway HTTP API -> one Lambda -> DynamoDB."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        table = dynamodb.Table(
            self,
            "NotesTable",
            partition_key=dynamodb.Attribute(name="id", type=dynamodb.AttributeType.STRING),
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
            encryption=dynamodb.TableEncryption.AWS_MANAGED,
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=True
            ),
            removal_policy=cdk.RemovalPolicy.RETAIN,
        )

        handler = lambda_.Function(
            self,
            "NotesHandler",
            runtime=lambda_.Runtime.PYTHON_3_12,
            architecture=lambda_.Architecture.ARM_64,
            handler="notes.handler",
            code=lambda_.Code.from_asset("lambda"),
            timeout=cdk.Duration.seconds(10),
            memory_size=256,
            environment={"TABLE_NAME": table.table_name},
            log_group=logs.LogGroup(self, "NotesHandlerLogs", retention=logs.RetentionDays.TWO_WEEKS),
        )
        table.grant_read_write_data(handler)

        integration = integrations.HttpLambdaIntegration("NotesIntegration", handler)

        api = apigwv2.HttpApi(
            self,
            "NotesHttpApi",
            description="Notes CRUD API",
            cors_preflight=apigwv2.CorsPreflightOptions(
                allow_origins=["https://notes.example.com"],
                allow_methods=[apigwv2.CorsHttpMethod.GET, apigwv2.CorsHttpMethod.POST, apigwv2.CorsHttpMethod.DELETE],
                allow_headers=["content-type"],
                max_age=cdk.Duration.hours(1),
            ),
        )
        api.add_routes(path="/notes", methods=[apigwv2.HttpMethod.GET, apigwv2.HttpMethod.POST], integration=integration)
        api.add_routes(
            path="/notes/{id}",
            methods=[apigwv2.HttpMethod.GET, apigwv2.HttpMethod.DELETE],
            integration=integration,
        )

        cdk.CfnOutput(self, "NotesApiUrl", value=api.url or "")
