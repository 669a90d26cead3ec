from aws_cdk import CfnOutput, Duration, RemovalPolicy, Stack
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_ecs as ecs
from aws_cdk import aws_ecs_patterns as ecs_patterns
from aws_cdk import aws_efs as efs
from aws_cdk import aws_rds as rds
from aws_cdk.core import Construct

from stacks.tagging import ApplicationTags


class WordpressStack(Stack):
    """WordPress on Fargate: ALB, ECS service, RDS MySQL for the database and EFS for wp-content."""

    def __init__(self, scope: Construct, construct_id: str, *, site_name: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        vpc = ec2.Vpc(self, "WpVpc", max_azs=2, nat_gateways=1)

        db = rds.DatabaseInstance(
            self,
            "WpDatabase",
            engine=rds.DatabaseInstanceEngine.mysql(version=rds.MysqlEngineVersion.VER_8_0),
            instance_type=ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE3, ec2.InstanceSize.SMALL),
            vpc=vpc,
            vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS),
            database_name="wordpress",
            credentials=rds.Credentials.from_generated_secret("wpadmin"),
            allocated_storage=20,
            storage_encrypted=True,
            backup_retention=Duration.days(7),
            backup_window="01:00-02:00",
            enable_performance_insights=True,
            performance_insight_retention=rds.PerformanceInsightRetention.DAYS_7,
            removal_policy=RemovalPolicy.DESTROY,
            deletion_protection=False,
        )

        file_system = efs.FileSystem(
            self,
            "WpContent",
            vpc=vpc,
            encrypted=True,
            lifecycle_policy=efs.LifecyclePolicy.AFTER_30_DAYS,
            performance_mode=efs.PerformanceMode.GENERAL_PURPOSE,
            removal_policy=RemovalPolicy.DESTROY,
        )

        cluster = ecs.Cluster(self, "WpCluster", vpc=vpc)

        service = ecs_patterns.ApplicationLoadBalancedFargateService(
            self,
            "WordpressService",
            cluster=cluster,
            cpu=512,
            memory_limit_mib=1024,
            desired_count=2,
            enable_logging=True,
            task_image_options=ecs_patterns.ApplicationLoadBalancedTaskImageOptions(
                image=ecs.ContainerImage.from_registry("wordpress:6-apache"),
                container_port=80,
                environment={
                    "WORDPRESS_DB_HOST": db.db_instance_endpoint_address,
                    "WORDPRESS_DB_NAME": "wordpress",
                    "WORDPRESS_DB_USER": "wpadmin",
                },
                secrets={"WORDPRESS_DB_PASSWORD": ecs.Secret.from_secrets_manager(db.secret, "password")},
            ),
        )

        volume_name = "wp-content"
        service.task_definition.add_volume(
            name=volume_name,
            efs_volume_configuration=ecs.EfsVolumeConfiguration(file_system_id=file_system.file_system_id,
                                                                transit_encryption="ENABLED"),
        )
        service.task_definition.default_container.add_mount_points(
            ecs.MountPoint(container_path="/var/www/html/wp-content", source_volume=volume_name, read_only=False)
        )
        file_system.connections.allow_default_port_from(service.service)
        db.connections.allow_default_port_from(service.service)

        service.target_group.configure_health_check(path="/wp-login.php", healthy_http_codes="200,302")

        self.node.apply_aspect(ApplicationTags(site_name, "web-team"))

        CfnOutput(self, "SiteUrl", value=f"http://{service.load_balancer.load_balancer_dns_name}")
