from aws_cdk import Stack
from aws_cdk import aws_autoscaling as autoscaling
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_ecs as ecs
from aws_cdk import aws_eks as eks
from constructs import Construct


class ClusterStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc, cluster: ecs.Cluster, k8s: eks.Cluster,
                 **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        image = ecs.EcsOptimizedImage.amazon_linux2()
        # ECS managed scaling sizes this group
        ecs_asg = autoscaling.AutoScalingGroup(self, "EcsAsg", vpc=vpc, instance_type=ec2.InstanceType("t3.large"),
                                               machine_image=image, max_capacity=10)
        provider = ecs.AsgCapacityProvider(self, "Provider", auto_scaling_group=ecs_asg)
        cluster.add_asg_capacity_provider(provider)
        # EKS (cluster autoscaler) sizes this one
        nodes = autoscaling.AutoScalingGroup(self, "Nodes", vpc=vpc, instance_type=ec2.InstanceType("t3.large"),
                                             machine_image=image, max_capacity=10)
        k8s.connect_auto_scaling_group_capacity(nodes)
        # handed to the stack's own helper, which may add a policy
        batch = autoscaling.AutoScalingGroup(self, "Batch", vpc=vpc, instance_type=ec2.InstanceType("t3.large"),
                                             machine_image=image, max_capacity=10)
        self._add_scaling(batch)

    def _add_scaling(self, group) -> None:
        group.scale_on_schedule("Night", schedule=autoscaling.Schedule.cron(hour="0"), desired_capacity=0)
