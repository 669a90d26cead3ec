from aws_cdk import (
    Stack,
    Duration,
    CfnOutput,
    aws_ec2 as ec2,
    aws_ecs as ecs,
    aws_ecs_patterns as ecs_patterns,
    aws_elbv2 as elbv2,
    aws_logs as logs,
)
from constructs import Construct


class WebServiceStack(Stack):
    """Public web service on Fargate behind an Application Load Balancer."""

    def __init__(self, scope: Construct, construct_id: str, *, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        cluster = ecs.Cluster(self, "WebCluster", vpc=vpc, container_insights=True)

        log_group = logs.LogGroup(
            self,
            "WebServiceLogs",
            retention=logs.RetentionDays.SEVEN_DAYS,
        )

        service = ecs_patterns.ApplicationLoadBalancedFargateService(
            self,
            "WebService",
            cluster=cluster,
            cpu=512,
            memory_limit_mib=1024,
            desired_count=2,
            public_load_balancer=True,
            enable_logging=True,
            task_image_options=ecs_patterns.ApplicationLoadBalancedTaskImageOptions(
                image=ecs.ContainerImage.from_registry("public.ecr.aws/nginx/nginx:latest"),
                container_port=80,
                log_driver=ecs.LogDrivers.aws_logs(stream_prefix="web", log_group=log_group),
                environment={"STAGE": "prod"},
            ),
            circuit_breaker=ecs.DeploymentCircuitBreaker(rollback=True),
        )

        service.target_group.configure_health_check(
            path="/",
            healthy_http_codes="200-399",
            interval=Duration.seconds(30),
        )
        service.target_group.set_attribute("deregistration_delay.timeout_seconds", "30")

        # Redirect plain HTTP to HTTPS would need a certificate; for now keep HTTP listener open
        service.load_balancer.add_listener(
            "HttpRedirect",
            port=8080,
            protocol=elbv2.ApplicationProtocol.HTTP,
            default_action=elbv2.ListenerAction.fixed_response(200, content_type="text/plain", message_body="ok"),
        )

        scaling = service.service.auto_scale_task_count(min_capacity=2, max_capacity=6)
        scaling.scale_on_cpu_utilization("CpuScaling", target_utilization_percent=60)
        scaling.scale_on_request_count(
            "RequestScaling",
            requests_per_target=500,
            target_group=service.target_group,
        )

        CfnOutput(self, "LoadBalancerDns", value=service.load_balancer.load_balancer_dns_name)
