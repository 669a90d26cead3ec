from __future__ import annotations

from typing import Iterable, Iterator

from remediator.analysis.context import ConstructCall
from remediator.analysis.rule import Finding, Rule, Tier
from remediator.analysis.wiring import passed_as

INSTANCE = "aws_cdk.aws_ec2.Instance"
CFN_INSTANCE = "aws_cdk.aws_ec2.CfnInstance"
ASG = "aws_cdk.aws_autoscaling.AutoScalingGroup"
LAUNCH_TEMPLATE = "aws_cdk.aws_ec2.LaunchTemplate"
MIXED_INSTANCES = "aws_cdk.aws_autoscaling.MixedInstancesPolicy"
DETAILED = "aws_cdk.aws_autoscaling.Monitoring.DETAILED"
BASIC = "aws_cdk.aws_autoscaling.Monitoring.BASIC"


class Ec2DetailedMonitoring(Rule):
    """
    ## What it does
    Finds EC2 instances without detailed (1-minute) monitoring:

    - `ec2.Instance` without `detailed_monitoring=True` (and `ec2.CfnInstance` without
      `monitoring=True`);
    - `autoscaling.AutoScalingGroup` without a launch template whose `instance_monitoring` is not
      `Monitoring.DETAILED` (unset synthesizes monitoring off, whatever its docstring says);
    - `ec2.LaunchTemplate` used by an Auto Scaling group (`launch_template=`, or a
      `MixedInstancesPolicy`) without `detailed_monitoring=True`: a group with a launch template
      takes its monitoring from the template (setting `instance_monitoring` there fails synth).

    ## Why is this bad?
    Basic monitoring samples every 5 minutes: a CPU spike or a failing instance shows up late,
    and scaling policies react minutes after the load arrived (cdk-nag AwsSolutions-EC28).

    ## Example
    ```python
    ec2.Instance(self, "Vm", vpc=vpc, instance_type=t, machine_image=ami)
    ```
    Use instead:
    ```python
    ec2.Instance(
        self,
        "Vm",
        vpc=vpc,
        instance_type=t,
        machine_image=ami,
        detailed_monitoring=True,
    )
    ```

    ## Fix safety
    Safe: CloudFormation updates `Monitoring` of an instance without interruption, and a changed
    launch configuration or launch template version applies to instances launched afterwards; no
    resource is replaced, and no permission or data changes. It costs about $2 per instance and
    month (seven metrics at 1-minute resolution); the review documents and cdk-nag ask for it, so
    the rule is on by default. Explicit `False` / `Monitoring.BASIC` is fixed too (as CDK301 does
    for key rotation); values the code computes, calls with a `**kwargs` spread, and launch
    templates no Auto Scaling group of the file uses are left alone.
    """

    code, name, tier = "CDK402", "ec2-detailed-monitoring", Tier.SAFE
    summary = "EC2 instances must have detailed monitoring"
    targets = (INSTANCE, CFN_INSTANCE, ASG, LAUNCH_TEMPLATE)
    changelog = "Enable detailed monitoring on {count} EC2 {noun}"
    noun = ("instance configuration", "instance configurations")

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if call.has_kwargs_spread:
            return
        if call.qualname == ASG:
            yield from self._group(call)
            return
        keyword = "monitoring" if call.qualname == CFN_INSTANCE else "detailed_monitoring"
        if call.literal(keyword) not in (None, False):
            return  # True, or a value we cannot know
        if call.qualname == LAUNCH_TEMPLATE:
            if not (passed_as(call, "launch_template", (ASG, MIXED_INSTANCES))):
                return
            message = "launch template of an Auto Scaling group does not enable detailed monitoring"
        else:
            message = "EC2 instance does not have detailed monitoring"
        yield self.finding(call.arg(keyword) or call, message, fix=call.set_keyword(keyword, "True"))

    def _group(self, call: ConstructCall) -> Iterator[Finding]:
        if call.has("launch_template") or call.has("mixed_instances_policy"):
            return  # monitoring comes from the launch template (checked there)
        current = call.value_qualname("instance_monitoring")
        if call.has("instance_monitoring") and current != BASIC:
            return  # DETAILED, or a value we cannot know
        yield self.finding(call.arg("instance_monitoring") or call,
                           "Auto Scaling group launches instances without detailed monitoring",
                           fix=call.set_keyword("instance_monitoring", f"`{DETAILED}`"))


def suggested_names() -> Iterable[str]:
    return [DETAILED, f"{INSTANCE}(detailed_monitoring)", f"{CFN_INSTANCE}(monitoring)",
            f"{LAUNCH_TEMPLATE}(detailed_monitoring)", f"{ASG}(instance_monitoring)", f"{ASG}(launch_template)",
            f"{MIXED_INSTANCES}(launch_template)"]
