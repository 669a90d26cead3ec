from aws_cdk import (
    Stack,
    CfnOutput,
    aws_ec2 as ec2,
    aws_s3 as s3,
    aws_kms as kms,
    aws_iam as iam,
    aws_autoscaling as autoscaling,
    aws_elasticloadbalancingv2 as elbv2,
)
from aws_cdk import Fn
from constructs import Construct


class WebTierStack(Stack):
    """Seed 000: a web tier drafted by an assistant (see ../shared/seeds/000_*.txt)."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.vpc = ec2.Vpc(self, "AppVpc", max_azs=2, nat_gateways=1)
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
        self.replica = s3.Bucket(
            self,
            "ReplicaBucket",
            bucket_name="web-tier-assets-replica",
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
        )
        CfnOutput(self, "ReplicaBucketArn", value=self.replica.bucket_arn)
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
