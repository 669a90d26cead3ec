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
    """An API platform: REST API on Lambda, DynamoDB orders table, PostgreSQL database, upload
    bucket, VPC with flow logs."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        env_name = self.node.try_get_context("environmentSuffix")

        vpc = ec2.Vpc(self, "Vpc", max_azs=2)
        flow_role = iam.Role(
            self,
            "FlowLogRole",
            assumed_by=iam.ServicePrincipal("vpc-flow-logs.amazonaws.com"),
            managed_policies=[
                iam.ManagedPolicy.from_aws_managed_policy_name("service-role/VPCFlowLogsDeliveryRolePolicy")
            ],
        )
        ec2.FlowLog(
            self,
            "FlowLog",
            resource_type=ec2.FlowLogResourceType.from_vpc(vpc),
            destination=ec2.FlowLogDestination.to_cloud_watch_logs(logs.LogGroup(self, "FlowLogs"), flow_role),
        )

        uploads = s3.Bucket(self, "Uploads", bucket_name="api-platform-uploads")
        table = dynamodb.Table(
            self,
            "Orders",
            table_name="orders",
            partition_key=dynamodb.Attribute(name="id", type=dynamodb.AttributeType.STRING),
            removal_policy=cdk.RemovalPolicy.DESTROY,
        )
        database = rds.DatabaseInstance(
            self,
            "Database",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16),
            vpc=vpc,
            credentials=rds.Credentials.from_generated_secret("dbadmin"),
            removal_policy=cdk.RemovalPolicy.DESTROY,
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
        )
        table.grant_read_write_data(handler)
        uploads.grant_read(handler)

        api = apigw.LambdaRestApi(
            self,
            "OrdersApi",
            handler=handler,
            deploy_options=apigw.StageOptions(stage_name="prod"),
        )
        cdk.CfnOutput(self, "ApiUrl", value=api.url)
