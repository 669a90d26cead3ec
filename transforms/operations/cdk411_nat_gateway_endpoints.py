from __future__ import annotations

from typing import Iterable, Iterator

import libcst as cst

from remediator.analysis.context import NOT_LITERAL, ConstructCall, FileContext
from remediator.analysis.rule import Finding, Rule, Tier
from remediator.analysis.wiring import free_child_id, handed_to_own_code, passed_as

VPC = "aws_cdk.aws_ec2.Vpc"
GATEWAY_SERVICE = "aws_cdk.aws_ec2.GatewayVpcEndpointAwsService"
INTERFACE_SERVICE = "aws_cdk.aws_ec2.InterfaceVpcEndpointAwsService"
ENDPOINTS = ("aws_cdk.aws_ec2.GatewayVpcEndpoint", "aws_cdk.aws_ec2.InterfaceVpcEndpoint",
             "aws_cdk.aws_ec2.CfnVPCEndpoint")
ENDPOINT_METHODS = ("add_gateway_endpoint", "add_interface_endpoint")
#: the services a gateway endpoint serves for free, and the construct id of each one added
SERVICES = {"S3": "S3Endpoint", "DYNAMODB": "DynamoDbEndpoint"}
EGRESS_SUBNETS = ("aws_cdk.aws_ec2.SubnetType.PRIVATE_WITH_EGRESS", "aws_cdk.aws_ec2.SubnetType.PRIVATE_WITH_NAT")
NAT_INSTANCES = ("aws_cdk.aws_ec2.NatProvider.instance", "aws_cdk.aws_ec2.NatProvider.instance_v2",
                 "aws_cdk.aws_ec2.NatInstanceProvider", "aws_cdk.aws_ec2.NatInstanceProviderV2")
SUBNET_CONFIGURATION = "aws_cdk.aws_ec2.SubnetConfiguration"


class NatGatewayEndpoints(Rule):
    """
    ## What it does
    Finds VPCs (`ec2.Vpc`) with NAT gateways (the default, unless `nat_gateways=0`, NAT
    instances, or no `PRIVATE_WITH_EGRESS` subnets) and no gateway endpoint for S3 or DynamoDB,
    and adds the missing ones right after the statement that builds the VPC:
    `vpc.add_gateway_endpoint("S3Endpoint", service=ec2.GatewayVpcEndpointAwsService.S3)`
    (and `DYNAMODB`).

    ## Why is this bad?
    Without gateway endpoints, every request from private subnets to S3 and DynamoDB goes
    through the NAT gateway, which charges for each gigabyte it processes; gateway endpoints
    carry that traffic for free and keep it on the AWS network.

    ## Example
    ```python
    vpc = ec2.Vpc(self, "Network", max_azs=2, nat_gateways=1)
    ```
    Use instead:
    ```python
    vpc = ec2.Vpc(self, "Network", max_azs=2, nat_gateways=1)
    vpc.add_gateway_endpoint("S3Endpoint", service=ec2.GatewayVpcEndpointAwsService.S3)
    vpc.add_gateway_endpoint("DynamoDbEndpoint", service=ec2.GatewayVpcEndpointAwsService.DYNAMODB)
    ```

    ## Fix safety
    Unsafe: nothing is replaced, but the network path of S3 and DynamoDB requests from the VPC
    changes. They no longer leave through the NAT gateway's public address, and requests through
    an endpoint carry no `aws:SourceIp`: bucket policies, IAM policies and partners that allow (or
    deny) by the NAT's IP address stop matching, and access may be denied. Check that no policy
    relies on it, then apply with `--unsafe-fixes`. The endpoints themselves cost nothing and
    each adds a route to the private route tables; the review documents ask for them (NAT cost),
    so the rule is on by default. An S3 or DynamoDB endpoint already there (`gateway_endpoints=`,
    `add_gateway_endpoint`, `add_interface_endpoint`, `GatewayVpcEndpoint(vpc=...)`) is not
    added again; VPCs whose file adds endpoints it cannot attribute, VPCs handed to the app's own
    code, VPCs whose NAT setup it cannot read, and calls with a `**kwargs` spread are left alone.
    """

    code, name, tier = "CDK411", "nat-gateway-endpoints", Tier.UNSAFE
    summary = "VPCs with NAT gateways must have S3 and DynamoDB gateway endpoints"
    targets = (VPC,)
    changelog = "Add S3 and DynamoDB gateway endpoints to {count} {noun}"
    noun = ("VPC", "VPCs")

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if call.has_kwargs_spread or call.has("gateway_endpoints") or _has_nat_gateways(call) is not True:
            return
        present = _endpoint_services(call)
        if present is None or handed_to_own_code(call) is not None:
            return
        missing = [s for s in SERVICES if s not in present]
        if not missing:
            return
        lines = [f'{{construct}}.add_gateway_endpoint("{free_child_id(call, SERVICES[s])}", '
                 f"service=`{GATEWAY_SERVICE}`.{s})" for s in missing]
        names = " or ".join("S3" if s == "S3" else "DynamoDB" for s in missing)
        message = (f"VPC with NAT gateways has no gateway endpoint for {names}: that traffic pays NAT processing "
                   "(the fix moves it off the NAT's public IP: policies on aws:SourceIp stop matching)")
        fix = call.follow_with("\n".join(lines))
        if fix is None:
            yield self.finding(call, message + "; it is built inside a larger expression: bind it to a name first",
                               tier=Tier.REPORT)
            return
        yield self.finding(call, message, fix=fix)


def _has_nat_gateways(call: ConstructCall) -> bool | None:
    """True when the VPC gets NAT gateways, False when not, None when the code does not say."""
    count = call.literal("nat_gateways")
    if count is NOT_LITERAL:
        return None
    if count == 0:
        return False
    provider = call.value("nat_gateway_provider")
    if isinstance(provider, cst.Call) and call.ctx.call_qualname(provider) in NAT_INSTANCES:
        return False  # NAT instances charge no processing per gigabyte
    subnets = call.value("subnet_configuration")
    if subnets is None:
        return True  # the default layout has PRIVATE_WITH_EGRESS subnets behind NAT gateways
    if not isinstance(subnets, (cst.List, cst.Tuple)):
        return None
    types = []
    for element in subnets.elements:
        value = element.value
        if not (isinstance(value, cst.Call) and call.ctx.call_qualname(value) == SUBNET_CONFIGURATION):
            return None
        subnet_type = next((a.value for a in value.args if a.keyword is not None and a.keyword.value == "subnet_type"),
                           None)
        types.append(None if subnet_type is None else call.ctx.qualname(subnet_type))
    if any(t in EGRESS_SUBNETS for t in types):
        return True
    return False if all(t is not None for t in types) else None


def _endpoint_services(call: ConstructCall) -> set[str] | None:
    """The services (``S3``, ``DYNAMODB``...) the VPC has endpoints for; None when the file adds
    endpoints to a VPC it cannot follow (it may be this one)."""
    ctx = call.ctx
    found: set[str] = set()
    for method in ENDPOINT_METHODS:
        for node, receiver in ctx.method_calls(method):
            values = ctx.assigned_values(receiver, node)
            if call.refers_to(receiver, node):
                found |= _services(ctx, node)
            elif not any(isinstance(v, cst.Call) and ctx.call_qualname(v) for v in values):
                return None
    mine = set(passed_as(call, "vpc", ENDPOINTS)) | set(passed_as(call, "vpc_id", ENDPOINTS))
    for endpoint in ctx.calls_of(ENDPOINTS):
        if endpoint.node in mine:
            found |= _services(ctx, endpoint.node)
        elif not any(isinstance(v, cst.Call) for v in ctx.assigned_values(_vpc_of(endpoint), endpoint.node)):
            return None
    return found


def _vpc_of(endpoint: ConstructCall) -> cst.BaseExpression:
    value = endpoint.value("vpc") or endpoint.value("vpc_id")
    if isinstance(value, cst.Attribute):  # vpc.vpc_id
        value = value.value
    return value if value is not None else cst.Name("None")


def _services(ctx: FileContext, node: cst.Call) -> set[str]:
    """``S3`` for ``service=ec2.GatewayVpcEndpointAwsService.S3`` (or the interface service), and
    for an L1 endpoint whose service name ends in ``.s3`` / ``.dynamodb``."""
    out = set()
    for arg in node.args:
        if arg.keyword is None or arg.keyword.value not in ("service", "service_name"):
            continue
        q = ctx.qualname(arg.value) or ""
        member = q.rsplit(".", 1)[-1] if q.startswith((GATEWAY_SERVICE, INTERFACE_SERVICE)) else None
        if member is None:
            text = ctx.module.code_for_node(arg.value).lower()
            member = "S3" if ".s3" in text or "s3" == text.strip("\"'") else (
                "DYNAMODB" if "dynamodb" in text else None)
        if member is not None:
            out.add(member)
    return out


def suggested_names() -> Iterable[str]:
    return [*(f"{GATEWAY_SERVICE}.{s}" for s in SERVICES), f"{INTERFACE_SERVICE}.S3", *EGRESS_SUBNETS, *NAT_INSTANCES,
            f"{VPC}.add_gateway_endpoint(service)", f"{VPC}.add_interface_endpoint", f"{VPC}(gateway_endpoints)",
            f"{VPC}(nat_gateways)", f"{VPC}(nat_gateway_provider)", f"{VPC}(subnet_configuration)",
            f"{SUBNET_CONFIGURATION}(subnet_type)", *ENDPOINTS]
