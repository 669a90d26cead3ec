from aws_cdk import (
    Stack,
    CfnOutput,
    RemovalPolicy,
    aws_ec2 as ec2,
    aws_s3 as s3,
    aws_kms as kms,
    aws_iam as iam,
    aws_autoscaling as autoscaling,
    aws_elasticloadbalancingv2 as elbv2,
    aws_events as events,
    aws_events_targets as targets,
)
from constructs import Construct


class WebTierStack(Stack):
    """Seed 000: a web tier drafted by an assistant (see ../shared/seeds/000_*.txt)."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.vpc = ec2.Vpc(self, "AppVpc", max_azs=2, nat_gateways=1)
        self.vpc.add_flow_log("FlowLog")
        self.key = kms.Key(self, "DataKey", alias="alias/web-data", enable_key_rotation=True)
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
        self.replica = s3.Bucket(
            self,
            "ReplicaBucket",
            bucket_name="web-tier-assets-replica",
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
        )
        self._create_compute_infrastructure()

    def _create_compute_infrastructure(self):
      role = iam.Role(
          self,
          "InstanceRole",
          role_name="web-tier-instance-role",
          assumed_by=iam.ServicePrincipal("ec2.amazonaws.com"),
      )
      role.add_to_policy(
          iam.PolicyStatement(actions=["s3:GetObject", "logs:PutLogEvents"], resources=["*"])
      )
      asg = autoscaling.AutoScalingGroup(
          self,
          "WebAsg",
          vpc=self.vpc,
          instance_type=ec2.InstanceType("t3.micro"),
          machine_image=ec2.AmazonLinuxImage(generation=ec2.AmazonLinuxGeneration.AMAZON_LINUX_2),
          role=role,
          min_capacity=2,
          max_capacity=6,
          instance_monitoring=autoscaling.Monitoring.DETAILED,
      )
      asg.scale_on_cpu_utilization("CpuScaling", target_utilization_percent=70)
      alb = elbv2.ApplicationLoadBalancer(self, "WebAlb", vpc=self.vpc, internet_facing=True)
      listener = alb.add_listener("Http", port=80)
      listener.add_targets("Web", port=80, targets=[asg])
      CfnOutput(self, "AlbDns", value=alb.load_balancer_dns_name)