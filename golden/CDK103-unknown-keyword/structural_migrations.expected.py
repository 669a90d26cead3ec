import aws_cdk as cdk
from aws_cdk import Duration, Stack
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_ecs as ecs
from aws_cdk.aws_ecs_patterns import ApplicationLoadBalancedFargateService, ApplicationLoadBalancedTaskImageOptions
from constructs import Construct


class ServiceStack(Stack):
    """Keywords that belong one level down move there; a required argument's wrong-named twin is
    renamed; a keyword with no equivalent is removed only with --unsafe-fixes."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        errors = cloudwatch.Metric(namespace="AWS/Lambda", metric_name="Errors")
        cloudwatch.Alarm(
            self,
            "Errors",
            metric=errors.with_(period=Duration.minutes(5), statistic="Sum"),
            threshold=1,
            evaluation_periods=1,
        )
        cluster = ecs.Cluster(self, "Cluster")
        ApplicationLoadBalancedFargateService(
            self,
            "Web",
            cluster=cluster,
            task_image_options=ApplicationLoadBalancedTaskImageOptions(
                image=ecs.ContainerImage.from_registry("nginx"),
                enable_logging=True,
            ),
        )
        cdk.aws_elasticache.CfnReplicationGroup(
            self,
            "Cache",
            replication_group_description="sessions",
            engine="redis",
            cache_node_type="cache.t4g.micro",
            num_cache_clusters=1,
        )
        cdk.aws_ec2.Vpc(self, "Network", enable_dns_logging=True)
