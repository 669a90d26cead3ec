from aws_cdk import CfnOutput, Duration, Stack
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_ecs as ecs
from aws_cdk import aws_ecs_patterns as ecs_patterns
from aws_cdk import aws_rds as rds
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct


class ApiServiceStack(Stack):
    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        vpc: ec2.IVpc,
        database: rds.DatabaseCluster,
        cache_endpoint: str,
        api_secret: secretsmanager.ISecret,
        **kwargs,
    ) -> None:
        super().__init__(scope, construct_id, **kwargs)

        cluster = ecs.Cluster(self, "Cluster", vpc=vpc)

        service = ecs_patterns.ApplicationLoadBalancedFargateService(
            self,
            "Api",
            cluster=cluster,
            cpu=256,
            memory_limit_mib=512,
            desired_count=2,
            enable_logging=True,
            task_image_options=ecs_patterns.ApplicationLoadBalancedTaskImageOptions(
                image=ecs.ContainerImage.from_registry("public.ecr.aws/docker/library/httpd:2.4"),
                container_port=80,
                environment={
                    "DB_HOST": database.cluster_endpoint.hostname,
                    "CACHE_HOST": cache_endpoint,
                },
                secrets={
                    "DB_PASSWORD": ecs.Secret.from_secrets_manager(database.secret, "password"),
                    "API_KEY": ecs.Secret.from_secrets_manager(api_secret),
                },
            ),
            health_check_grace_period=Duration.seconds(60),
        )
        database.connections.allow_default_port_from(service.service)

        CfnOutput(self, "ServiceUrl", value=f"http://{service.load_balancer.load_balancer_dns_name}")
