from aws_cdk import (
    Stack,
    CfnOutput,
    Duration,
    Fn,
    aws_ec2 as ec2,
    aws_s3 as s3,
    aws_kms as kms,
    aws_iam as iam,
    aws_sns as sns,
    aws_autoscaling as autoscaling,
    aws_cloudwatch as cloudwatch,
    aws_cloudwatch_actions as cw_actions,
    aws_elasticloadbalancingv2 as elbv2,
)
from constructs import Construct


class WebTierStack(Stack):
    """A web tier: VPC, an auto-scaled EC2 fleet behind a public load balancer, asset buckets."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.vpc = ec2.Vpc(self, "AppVpc", max_azs=2, nat_gateways=1)
        self.vpc.add_flow_log("FlowLog")
        CfnOutput(self, "AppVpcId", value=self.vpc.vpc_id)
        CfnOutput(
            self,
            "AppVpcPublicSubnetIds",
            value=Fn.join(",", [subnet.subnet_id for subnet in self.vpc.public_subnets]),
        )
        CfnOutput(
            self,
            "AppVpcPrivateSubnetIds",
            value=Fn.join(",", [subnet.subnet_id for subnet in self.vpc.private_subnets]),
        )
        self.key = kms.Key(self, "DataKey", alias="alias/web-data", enable_key_rotation=True)
        CfnOutput(self, "DataKeyArn", value=self.key.key_arn)
        self.assets = s3.Bucket(
            self,
            "AssetsBucket",
            bucket_name="web-tier-assets",
            encryption=s3.BucketEncryption.KMS,
            encryption_key=self.key,
            versioned=True,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
        )
        CfnOutput(self, "AssetsBucketArn", value=self.assets.bucket_arn)
        # replica for cross-region replication
        self.replica = s3.Bucket(
            self,
            "ReplicaBucket",
            bucket_name="web-tier-assets-replica",
            versioned=True,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
        )
        CfnOutput(self, "ReplicaBucketArn", value=self.replica.bucket_arn)
        self._create_compute_infrastructure()

    def _create_compute_infrastructure(self):
        web_sg = ec2.SecurityGroup(self, "WebSg", vpc=self.vpc, description="web servers")
        alb_sg = ec2.SecurityGroup(self, "AlbSg", vpc=self.vpc, description="load balancer")
        alb_sg.add_ingress_rule(ec2.Peer.any_ipv4(), ec2.Port.tcp(80), "HTTP from anywhere")
        web_sg.add_ingress_rule(alb_sg, ec2.Port.tcp(80), "HTTP from the load balancer")
        role = iam.Role(
            self,
            "InstanceRole",
            role_name="web-tier-instance-role",
            assumed_by=iam.ServicePrincipal("ec2.amazonaws.com"),
        )
        role.add_to_policy(
            iam.PolicyStatement(actions=["s3:GetObject", "logs:PutLogEvents"], resources=["*"])
        )
        user_data = ec2.UserData.for_linux()
        user_data.add_commands("yum install -y httpd", "systemctl enable --now httpd")
        asg = autoscaling.AutoScalingGroup(
            self,
            "WebAsg",
            vpc=self.vpc,
            vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS),
            instance_type=ec2.InstanceType("t3.micro"),
            machine_image=ec2.AmazonLinuxImage(generation=ec2.AmazonLinuxGeneration.AMAZON_LINUX_2),
            role=role,
            security_group=web_sg,
            user_data=user_data,
            min_capacity=2,
            max_capacity=6,
            instance_monitoring=autoscaling.Monitoring.DETAILED,
        )
        asg.scale_on_cpu_utilization("CpuScaling", target_utilization_percent=70)
        alb = elbv2.ApplicationLoadBalancer(self, "WebAlb", vpc=self.vpc, internet_facing=True, security_group=alb_sg)
        alb_access_logs = s3.Bucket(
            self,
            "WebAlbAccessLogs",
            encryption=s3.BucketEncryption.S3_MANAGED,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
        )
        alb.log_access_logs(alb_access_logs, prefix="alb")
        listener = alb.add_listener("Http", port=80)
        listener.add_targets(
            "Web",
            port=80,
            targets=[asg],
            health_check=elbv2.HealthCheck(path="/", interval=Duration.seconds(30)),
        )
        alerts = sns.Topic(self, "WebAlerts")
        cpu_alarm = cloudwatch.Alarm(
            self,
            "WebCpuHigh",
            metric=cloudwatch.Metric(
                namespace="AWS/EC2",
                metric_name="CPUUtilization",
                dimensions_map={"AutoScalingGroupName": asg.auto_scaling_group_name},
            ),
            threshold=80,
            evaluation_periods=3,
        )
        cpu_alarm.add_alarm_action(cw_actions.SnsAction(alerts))
        CfnOutput(self, "AlbDns", value=alb.load_balancer_dns_name)
