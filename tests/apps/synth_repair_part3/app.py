"""An AI-drafted app with mistakes that need the API's shape to repair: keywords one level down,
CDK v1 methods and classes that moved, members matched by meaning or version numbers, names S3
rejects, and receivers typed by annotations and attributes. Fails at synth until
`remediator fix --unsafe-fixes`."""

import aws_cdk as cdk
from aws_cdk import Duration, Stack, Tag
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_ecs as ecs
from aws_cdk import aws_ecs_patterns as ecs_patterns
from aws_cdk import aws_elasticache as elasticache
from aws_cdk import aws_kms as kms
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_rds as rds
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sqs as sqs
from constructs import Construct


class PlatformStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, prod: bool, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.node.apply_aspect(Tag("team", "platform"))

        key = kms.Key(self, "ReportsKey", enable_key_rotation=True)
        s3.Bucket(self, "Reports", bucket_name=f"{construct_id}-reports",
                  encryption=s3.BucketEncryption.S3_MANAGED, encryption_key=key)

        vpc = ec2.Vpc(self, "Network", max_azs=2, nat_gateways=1, enable_dns_logging=True)
        vpc.enable_flow_logs_everywhere()
        rds.DatabaseCluster(
            self,
            "Db",
            engine=rds.DatabaseClusterEngine.aurora_mysql(version=rds.AuroraMysqlEngineVersion.VER_8_0_MYSQL_3_02_0),
            writer=rds.ClusterInstance.provisioned(
                "Writer",
                instance_type=ec2.InstanceType("r6g.large"),
                enable_performance_insights=True,
                performance_insight_retention=rds.PerformanceInsightRetention.DAYS_7,
            ),
            vpc=vpc,
        )
        elasticache.CfnReplicationGroup(self, "Sessions", description="user sessions", engine="redis",
                                        cache_node_type="cache.t4g.micro", num_cache_clusters=1)
        logs.LogGroup(self, "AuditLogs", retention=logs.RetentionDays(7 if prod else 3))

        cluster = ecs.Cluster(self, "Cluster", vpc=vpc)
        ecs_patterns.ApplicationLoadBalancedFargateService(
            self,
            "Web",
            cluster=cluster,
            enable_logging=True,
            task_image_options=ecs_patterns.ApplicationLoadBalancedTaskImageOptions(
                image=ecs.ContainerImage.from_registry("public.ecr.aws/nginx/nginx:latest"),
            ),
        )

        self.table = dynamodb.Table(self, "Orders", partition_key=dynamodb.Attribute(
            name="pk", type=dynamodb.AttributeType.STRING))
        handler = lambda_.Function(self, "Handler", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                                   code=lambda_.Code.from_inline("def handler(event, context):\n    return {}\n"))
        self._grant_orders(handler)
        self._jobs().grant_send(handler)
        self._monitor(sns.Topic(self, "Alarms"))

    def _grant_orders(self, fn: lambda_.Function) -> None:
        self.table.grant_read_write(fn)

    def _jobs(self) -> sqs.Queue:
        return sqs.Queue(self, "Jobs", visibility_timeout=Duration.minutes(5))

    def _monitor(self, topic: sns.Topic) -> None:
        api = apigw.RestApi(self, "Api")
        api.root.add_method("GET", apigw.MockIntegration())
        client_errors = api.metric_4xx()
        alarm = client_errors.create_alarm(self, "ClientErrors", threshold=10, evaluation_periods=1)
        alarm.add_alarm_action(cloudwatch.SnsAction(topic))
        latency = cloudwatch.Metric(namespace="AWS/ApiGateway", metric_name="Latency",
                                    dimensions_map={"ApiName": api.rest_api_name})
        cloudwatch.Alarm(self, "Latency", metric=latency, threshold=1000, evaluation_periods=3,
                         period=Duration.minutes(1), statistic="Maximum")
        latency.with_statistic("p99").create_alarm(self, "LatencyP99", threshold=2000, evaluation_periods=1)


app = cdk.App()
PlatformStack(app, "Platform", prod=True)
app.synth()
