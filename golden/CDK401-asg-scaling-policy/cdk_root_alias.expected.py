import aws_cdk as cdk
from constructs import Construct


class WebStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        image = cdk.aws_ec2.MachineImage.latest_amazon_linux2023()
        self.api_fleet = cdk.aws_autoscaling.AutoScalingGroup(
            self, "ApiFleet", vpc=vpc, instance_type=cdk.aws_ec2.InstanceType("t3.small"), machine_image=image,
            min_capacity=1, max_capacity=8,
        )
        self.api_fleet.scale_on_cpu_utilization("CpuScaling", target_utilization_percent=70)
        self.worker_fleet = cdk.aws_autoscaling.AutoScalingGroup(
            self, "WorkerFleet", vpc=vpc, instance_type=cdk.aws_ec2.InstanceType("t3.small"), machine_image=image,
            max_capacity=8,
        )
        self._scaling()

    def _scaling(self) -> None:
        # the worker fleet scales on its queue, in another method
        self.worker_fleet.scale_on_metric(
            "QueueDepth",
            metric=cdk.aws_cloudwatch.Metric(namespace="App", metric_name="Backlog"),
            scaling_steps=[cdk.aws_autoscaling.ScalingInterval(upper=0, change=-1),
                           cdk.aws_autoscaling.ScalingInterval(lower=100, change=+1)],
        )
