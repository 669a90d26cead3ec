from __future__ import annotations

from typing import Iterable, Iterator

import libcst as cst

from remediator.analysis.context import ConstructCall, FileContext, literal_value
from remediator.analysis.rule import Finding, Rule, Tier
from remediator.analysis.wiring import free_child_id, handed_to_own_code, passed_as

VPC = "aws_cdk.aws_ec2.Vpc"
CFN_VPC = "aws_cdk.aws_ec2.CfnVPC"
FLOW_LOG = "aws_cdk.aws_ec2.FlowLog"
CFN_FLOW_LOG = "aws_cdk.aws_ec2.CfnFlowLog"
FROM_VPC = "aws_cdk.aws_ec2.FlowLogResourceType.from_vpc"


class VpcFlowLogs(Rule):
    """
    ## What it does
    Finds VPCs without flow logs: an `ec2.Vpc` with no `flow_logs=`, no `add_flow_log(...)` call
    and no `ec2.FlowLog` / `ec2.CfnFlowLog` for it. The fix adds `vpc.add_flow_log("FlowLog")`
    right after the statement that builds the VPC (binding an unbound VPC to a name first); CDK
    creates the CloudWatch log group and the IAM role it needs. An `ec2.CfnVPC` without a flow log
    is reported.

    It also finds `ec2.CfnFlowLog`s that deliver to CloudWatch Logs (the default destination)
    without a log group (`log_group_name` / `log_destination`) or without the role that lets the
    service write there (`deliver_logs_permission_arn`): CloudFormation rejects them at deploy.
    Those are reported: use `ec2.FlowLog` with `FlowLogDestination.to_cloud_watch_logs(log_group)`,
    which creates a role with exactly the permissions it needs.

    ## Why is this bad?
    Without flow logs there is no record of the traffic that reached or left the network:
    rejected connections, exfiltration and misrouted traffic stay invisible (cdk-nag
    AwsSolutions-VPC7).

    ## Example
    ```python
    vpc = ec2.Vpc(self, "Network", max_azs=2)
    ```
    Use instead:
    ```python
    vpc = ec2.Vpc(self, "Network", max_azs=2)
    vpc.add_flow_log("FlowLog")
    ```

    ## Fix safety
    Safe: the VPC itself is unchanged; the flow log comes with a new log group (kept two years,
    retained when the stack is deleted) and a new role that only the VPC Flow Logs service can
    assume, allowed to write to that log group and nothing else. Flow-log ingestion costs
    CloudWatch Logs charges in proportion to traffic (a busy VPC writes gigabytes a day); the
    review documents and cdk-nag ask for flow logs, so the rule is on by default. VPCs whose file
    has a flow log it cannot attribute (a `FlowLog` for a VPC it cannot follow), VPCs handed to
    the app's own code (which may add the flow log) and VPCs built with a `**kwargs` spread are
    left alone; VPCs built inside a larger expression are reported.
    """

    code, name, tier = "CDK408", "vpc-flow-logs", Tier.SAFE
    summary = "VPCs must have flow logs"
    targets = (VPC, CFN_VPC, CFN_FLOW_LOG)
    changelog = "Add flow logs to {count} {noun}"
    noun = ("VPC", "VPCs")

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if call.qualname == CFN_FLOW_LOG:
            yield from self._cfn_flow_log(call)
            return
        if call.has_kwargs_spread or _has_flow_log(call):
            return
        if handed_to_own_code(call) is not None or _unattributed_flow_logs(call.ctx):
            return
        message = "VPC has no flow logs"
        if call.qualname == CFN_VPC:
            yield self.finding(call, message + ": add an ec2.CfnFlowLog for it (resource_id=vpc.ref, "
                                               "resource_type=\"VPC\") with a log group and a delivery role")
            return
        fix = call.follow_with(f'{{construct}}.add_flow_log("{free_child_id(call, "FlowLog")}")')
        if fix is None:
            yield self.finding(call, message + " (it is built inside a larger expression: bind it to a name and "
                                               "call add_flow_log)", tier=Tier.REPORT)
            return
        yield self.finding(call, message, fix=fix)

    def _cfn_flow_log(self, call: ConstructCall) -> Iterator[Finding]:
        if call.has_kwargs_spread or call.literal("log_destination_type", "cloud-watch-logs") != "cloud-watch-logs":
            return
        missing = []
        if not (call.has("log_group_name") or call.has("log_destination")):
            missing.append("a log group (log_group_name)")
        if not call.has("deliver_logs_permission_arn"):
            missing.append("a delivery role (deliver_logs_permission_arn)")
        if missing:
            yield self.finding(call, "flow log to CloudWatch Logs lacks " + " and ".join(missing) + ": the deploy "
                                     "fails; use ec2.FlowLog with FlowLogDestination.to_cloud_watch_logs(log_group), "
                                     "which creates the role")


def _has_flow_log(call: ConstructCall) -> bool:
    flow_logs = call.value("flow_logs")
    if flow_logs is not None and not (isinstance(flow_logs, cst.Dict) and not flow_logs.elements) and not (
            isinstance(flow_logs, cst.Name) and flow_logs.value == "None"):
        return True
    if any(call.method_calls("add_flow_log")):
        return True
    return bool(passed_as(call, "resource_type", (FLOW_LOG,)) or passed_as(call, "resource_id", (CFN_FLOW_LOG,)))


def _unattributed_flow_logs(ctx: FileContext) -> bool:
    """The file builds a flow log whose VPC it does not follow to a construct of the file (a
    parameter, an imported VPC): it may be for the VPC at hand."""
    for flow_log in ctx.calls_of((FLOW_LOG, CFN_FLOW_LOG)):
        if flow_log.qualname == CFN_FLOW_LOG:
            resource = flow_log.value("resource_id")
            if flow_log.literal("resource_type") not in ("VPC", None) or isinstance(literal_value(resource), str):
                continue
            target = resource.value if isinstance(resource, cst.Attribute) else resource
        else:
            resource = flow_log.value("resource_type")
            if not (isinstance(resource, cst.Call) and ctx.call_qualname(resource) == FROM_VPC and resource.args):
                continue
            target = resource.args[0].value
        if target is None or not any(isinstance(v, cst.Call) for v in ctx.assigned_values(target, flow_log.node)):
            return True
    return False


def suggested_names() -> Iterable[str]:
    return [f"{VPC}.add_flow_log", f"{VPC}(flow_logs)", FROM_VPC, f"{FLOW_LOG}(resource_type)",
            *(f"{CFN_FLOW_LOG}({k})" for k in ("resource_id", "resource_type", "log_destination_type", "log_group_name",
                                                "log_destination", "deliver_logs_permission_arn")),
            "aws_cdk.aws_ec2.FlowLogDestination.to_cloud_watch_logs", f"{CFN_VPC}.attr_vpc_id"]
