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
    """A web tier: VPC, an auto-scaled EC2 fleet behind a public load balancer, asset buckets."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.vpc = ec2.Vpc(self, "AppVpc", max_azs=2, nat_gateways=1)
        self.key = kms.Key(self, "DataKey", alias="alias/web-data")
        self.assets = s3.Bucket(
            self,
            "AssetsBucket",
            bucket_name="web-tier-assets",
            encryption=s3.BucketEncryption.KMS,
            encryption_key=self.key,
            versioned=True,
        )
        self.replica = s3.Bucket(self, "ReplicaBucket", bucket_name="web-tier-assets-replica")
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
      )
      alb = elbv2.ApplicationLoadBalancer(self, "WebAlb", vpc=self.vpc, internet_facing=True)
      listener = alb.add_listener("Http", port=80)
      listener.add_targets("Web", port=80, targets=[asg])
      CfnOutput(self, "AlbDns", value=alb.load_balancer_dns_name)