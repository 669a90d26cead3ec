#!/usr/bin/env python3
from aws_cdk import App, Stack, Duration, CfnOutput
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_ecs as ecs
from aws_cdk import aws_ecs_patterns as ecs_patterns
from aws_cdk import aws_logs as logs
from aws_cdk import aws_ecr as ecr
from constructs import Construct


class CheckoutServiceStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        vpc = ec2.Vpc(self, "ServiceVpc", max_azs=2)
        cluster = ecs.Cluster(self, "Cluster", vpc=vpc, container_insights=True)
        repo = ecr.Repository(self, "CheckoutRepo", image_scan_on_push=True)

        log_group = logs.LogGroup(self, "CheckoutLogs", retention=logs.RetentionDays.TWO_WEEKS)

        service = ecs_patterns.ApplicationLoadBalancedFargateService(
            self,
            "Checkout",
            cluster=cluster,
            cpu=512,
            memory_limit_mib=1024,
            desired_count=2,
            task_image_options=ecs_patterns.ApplicationLoadBalancedTaskImageOptions(
                image=ecs.ContainerImage.from_ecr_repository(repo, tag="latest"),
                container_port=8080,
                log_driver=ecs.LogDrivers.aws_logs(stream_prefix="checkout", log_group=log_group),
                environment={"SPRING_PROFILES_ACTIVE": "prod"},
            ),
            public_load_balancer=True,
        )
        service.target_group.configure_health_check(path="/actuator/health", interval=Duration.seconds(30))
        scaling = service.service.auto_scale_task_count(min_capacity=2, max_capacity=10)
        scaling.scale_on_cpu_utilization("Cpu", target_utilization_percent=60)

        CfnOutput(self, "ServiceUrl", value=f"http://{service.load_balancer.load_balancer_dns_name}")


app = App()
CheckoutServiceStack(app, "CheckoutService")
app.synth()
