from __future__ import annotations

from typing import Iterable, Iterator

from remediator.analysis.context import ConstructCall
from remediator.analysis.rule import Finding, Rule, Tier
from remediator.analysis.wiring import free_child_id, handed_to_own_code, passed_as, passed_to_methods

ASG = "aws_cdk.aws_autoscaling.AutoScalingGroup"
#: the group's own scaling methods (any of them is a scaling policy or schedule)
SCALING_METHODS = ("scale_on_cpu_utilization", "scale_on_incoming_bytes", "scale_on_outgoing_bytes",
                   "scale_on_request_count", "scale_on_metric", "scale_on_schedule", "scale_to_track_metric")
#: keywords through which something else scales the group: scaling policy and scheduled-action
#: constructs (`auto_scaling_group=`), their L1 forms (`auto_scaling_group_name=`), and ECS capacity
#: providers (`auto_scaling_group=`), whose managed scaling owns the group's size
SCALED_THROUGH = ("auto_scaling_group", "auto_scaling_group_name")
#: methods that hand the group to a service that sizes it (EKS, ECS)
MANAGED_BY = ("connect_auto_scaling_group_capacity", "add_auto_scaling_group", "add_asg_capacity_provider")


class AsgScalingPolicy(Rule):
    """
    ## What it does
    Finds Auto Scaling groups (`autoscaling.AutoScalingGroup`) that can change size
    (`max_capacity` above `min_capacity`) but have no scaling policy: no `scale_on_*` call, no
    `TargetTrackingScalingPolicy` / `StepScalingPolicy` / `ScheduledAction` / `CfnScalingPolicy`
    for the group, and no ECS capacity provider or EKS cluster sizing it. The fix adds a target
    tracking policy on average CPU right after the statement that builds the group (binding an
    unbound group to a name first).

    ## Why is this bad?
    Without a policy the group stays at its desired (or minimum) size whatever the load: it pays
    for idle instances at night and runs out of capacity at peak, although `max_capacity` says
    it may grow.

    ## Example
    ```python
    asg = autoscaling.AutoScalingGroup(self, "Web", vpc=vpc, min_capacity=2, max_capacity=6)
    ```
    Use instead:
    ```python
    asg = autoscaling.AutoScalingGroup(self, "Web", vpc=vpc, min_capacity=2, max_capacity=6)
    asg.scale_on_cpu_utilization("CpuScaling", target_utilization_percent=70)
    ```

    ## Fix safety
    Safe: the policy adds CloudWatch alarms and a scaling policy (a few cents a month); it
    changes no resource's identity, permissions or data. The group then moves between the
    `min_capacity` and `max_capacity` the code already sets: scale-in terminates instances,
    which an Auto Scaling group's instances must tolerate anyway (health checks replace them).
    Groups of a fixed size (`max_capacity` absent or not above `min_capacity`) are left alone,
    and so are groups handed to the app's own code (a helper method may add the policy there),
    groups built with a `**kwargs` spread, and groups built inside a larger expression (reported:
    nothing can refer to them). On by default: it costs nothing fixed and the review documents ask
    for it.

    ## Options
    `cpu-target` (default `70`): the average CPU utilization, in percent, the policy keeps.
    """

    code, name, tier = "CDK401", "asg-scaling-policy", Tier.SAFE
    summary = "Auto Scaling groups that may grow must have a scaling policy"
    targets = (ASG,)
    options = {"cpu-target": 70}
    changelog = "Scale {count} Auto Scaling {noun} on CPU utilization"
    noun = ("group", "groups")

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if call.has_kwargs_spread or not _can_change_size(call):
            return
        if any(True for m in SCALING_METHODS for _ in call.method_calls(m)):
            return
        if any(passed_as(call, kw) for kw in SCALED_THROUGH) or passed_to_methods(call, MANAGED_BY):
            return
        if handed_to_own_code(call) is not None:
            return
        message = "Auto Scaling group has no scaling policy"
        child = free_child_id(call, "CpuScaling")
        target = self.settings["cpu-target"]
        fix = call.follow_with(f'{{construct}}.scale_on_cpu_utilization("{child}", '
                               f"target_utilization_percent={target})")
        if fix is None:
            yield self.finding(call, message + " (it is built inside a larger expression: bind it to a name and "
                                               "call scale_on_cpu_utilization)", tier=Tier.REPORT)
            return
        yield self.finding(call, message, fix=fix)


def _can_change_size(call: ConstructCall) -> bool:
    """``max_capacity`` is set and not known to be at most ``min_capacity`` (default 1)."""
    maximum = call.literal("max_capacity")
    if maximum is None:
        return False  # max defaults to max(min, desired): a fixed size
    minimum = call.literal("min_capacity", 1)
    if isinstance(maximum, (int, float)) and isinstance(minimum, (int, float)) and maximum <= minimum:
        return False
    return True


def suggested_names() -> Iterable[str]:
    return [f"{ASG}.{m}" for m in SCALING_METHODS] + [
        f"{ASG}.scale_on_cpu_utilization(target_utilization_percent)",
        "aws_cdk.aws_autoscaling.TargetTrackingScalingPolicy(auto_scaling_group)",
        "aws_cdk.aws_autoscaling.CfnScalingPolicy(auto_scaling_group_name)",
        "aws_cdk.aws_ecs.AsgCapacityProvider(auto_scaling_group)",
        "aws_cdk.aws_eks.Cluster.connect_auto_scaling_group_capacity",
        "aws_cdk.aws_ecs.Cluster.add_asg_capacity_provider",
    ]
