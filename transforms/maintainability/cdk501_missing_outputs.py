from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Iterator

import libcst as cst
import libcst.matchers as m

from remediator.analysis import edits as E
from remediator.analysis.cdk_facts import builds_construct_like, stack_classes_of, uses_of, words_of
from remediator.analysis.context import ConstructCall, FileContext
from remediator.analysis.imports import dotted_name
from remediator.analysis.rule import Finding, Rule, Tier

OUTPUTS = ("aws_cdk.CfnOutput", "aws_cdk.core.CfnOutput")
STACKS = ("aws_cdk.Stack", "aws_cdk.core.Stack")


@dataclass(frozen=True)
class Kind:
    """What a construct is called and which of its attributes are output."""

    option: str  #: its name in the ``resources`` option
    words: tuple[str, ...]  #: names of the kind; the first is added to a construct id that ends in none
    values: tuple[tuple[str, str, str], ...]  #: (output id suffix, attribute, what it is)


def _kind(option: str, words: tuple[str, ...], suffix: str, attribute: str, what: str) -> Kind:
    return Kind(option, words, ((suffix, attribute, what),))


_VPC, _SUBNET, _FUNCTION = ("Vpc",), ("Subnet",), ("Function", "Fn", "Lambda", "Handler", "Func")
_LB = ("LoadBalancer", "Alb", "Nlb", "Lb", "Elb")
#: construct -> what is output for it. Functions built for custom resources and triggers
#: (SingletonFunction, TriggerFunction) are plumbing, not interfaces: not listed.
KINDS: dict[str, Kind] = {
    "aws_cdk.aws_ec2.Vpc": _kind("vpc", _VPC, "Id", "vpc_id", "id"),
    "aws_cdk.aws_ec2.CfnVPC": _kind("vpc", _VPC, "Id", "ref", "id"),
    "aws_cdk.aws_ec2.Subnet": _kind("subnet", _SUBNET, "Id", "subnet_id", "id"),
    "aws_cdk.aws_ec2.PublicSubnet": _kind("subnet", _SUBNET, "Id", "subnet_id", "id"),
    "aws_cdk.aws_ec2.PrivateSubnet": _kind("subnet", _SUBNET, "Id", "subnet_id", "id"),
    "aws_cdk.aws_ec2.CfnSubnet": _kind("subnet", _SUBNET, "Id", "ref", "id"),
    "aws_cdk.aws_s3.Bucket": _kind("bucket", ("Bucket",), "Arn", "bucket_arn", "ARN"),
    "aws_cdk.aws_s3.CfnBucket": _kind("bucket", ("Bucket",), "Arn", "attr_arn", "ARN"),
    "aws_cdk.aws_dynamodb.Table": _kind("table", ("Table",), "Arn", "table_arn", "ARN"),
    "aws_cdk.aws_dynamodb.TableV2": _kind("table", ("Table",), "Arn", "table_arn", "ARN"),
    "aws_cdk.aws_dynamodb.CfnTable": _kind("table", ("Table",), "Arn", "attr_arn", "ARN"),
    "aws_cdk.aws_lambda.Function": _kind("function", _FUNCTION, "Arn", "function_arn", "ARN"),
    "aws_cdk.aws_lambda.DockerImageFunction": _kind("function", _FUNCTION, "Arn", "function_arn", "ARN"),
    "aws_cdk.aws_lambda_nodejs.NodejsFunction": _kind("function", _FUNCTION, "Arn", "function_arn", "ARN"),
    "aws_cdk.aws_lambda_python_alpha.PythonFunction": _kind("function", _FUNCTION, "Arn", "function_arn", "ARN"),
    "aws_cdk.aws_lambda_go_alpha.GoFunction": _kind("function", _FUNCTION, "Arn", "function_arn", "ARN"),
    "aws_cdk.aws_lambda.CfnFunction": _kind("function", _FUNCTION, "Arn", "attr_arn", "ARN"),
    "aws_cdk.aws_kms.Key": _kind("key", ("Key",), "Arn", "key_arn", "ARN"),
    "aws_cdk.aws_kms.CfnKey": _kind("key", ("Key",), "Arn", "attr_arn", "ARN"),
    "aws_cdk.aws_elasticloadbalancingv2.ApplicationLoadBalancer":
        _kind("load-balancer", _LB, "DnsName", "load_balancer_dns_name", "DNS name"),
    "aws_cdk.aws_elasticloadbalancingv2.NetworkLoadBalancer":
        _kind("load-balancer", _LB, "DnsName", "load_balancer_dns_name", "DNS name"),
    "aws_cdk.aws_cloudfront.Distribution":
        _kind("distribution", ("Distribution", "Cdn", "CloudFront"), "DomainName", "distribution_domain_name",
              "domain name"),
    "aws_cdk.aws_apigatewayv2.HttpApi": _kind("http-api", ("Api",), "Url", "api_endpoint", "URL"),
}
RESOURCES = sorted({k.option for k in KINDS.values()})

#: ec2.SubnetType member -> the Vpc attribute listing those subnets
SUBNET_GROUPS = {"PUBLIC": "public", "PRIVATE_WITH_EGRESS": "private", "PRIVATE_WITH_NAT": "private",
                 "PRIVATE": "private", "PRIVATE_ISOLATED": "isolated", "ISOLATED": "isolated"}
_SUBNET_LISTS = {"public_subnets", "private_subnets", "isolated_subnets", "select_subnets"}
_LOOPS = (cst.For, cst.While, cst.Lambda, cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp)


def suggested_names() -> Iterable[str]:
    yield from ("aws_cdk.CfnOutput", "aws_cdk.CfnOutput(export_name)", "aws_cdk.Fn.join")
    yield from (f"{q}.{attr}" for q, kind in KINDS.items() if "_alpha." not in q for _, attr, _ in kind.values)
    yield from (f"aws_cdk.aws_ec2.Vpc.{group}_subnets" for group in ("public", "private", "isolated"))
    yield from (f"aws_cdk.aws_ec2.SubnetType.{m}" for m in ("PUBLIC", "PRIVATE_WITH_EGRESS", "PRIVATE_ISOLATED"))
    yield "aws_cdk.aws_ec2.Subnet.subnet_id"


class MissingOutputs(Rule):
    """
    ## What it does
    Finds the resources of a stack that its outputs do not expose: a VPC without outputs for its
    id and its subnet ids, buckets, tables, Lambda functions and KMS keys without an output of
    their ARN, load balancers without their DNS name, CloudFront distributions without their
    domain name and HTTP APIs without their URL. A `CfnOutput` (or `export_value`) anywhere in
    the file whose value mentions the variable holding the resource counts as its output.

    ## Why is this bad?
    Outputs are a stack's interface: other stacks, pipelines, scripts and people read the VPC
    and subnet ids, ARNs and endpoints from them. Without them, each consumer has to dig the
    generated names out of the console or hard-code them.

    ## Example
    ```python
    vpc = ec2.Vpc(self, "AppVpc", max_azs=2)
    s3.Bucket(self, "DataBucket")
    ```
    Use instead:
    ```python
    vpc = ec2.Vpc(self, "AppVpc", max_azs=2)
    cdk.CfnOutput(self, "AppVpcId", value=vpc.vpc_id)
    cdk.CfnOutput(
        self,
        "AppVpcPublicSubnetIds",
        value=cdk.Fn.join(",", [subnet.subnet_id for subnet in vpc.public_subnets]),
    )
    cdk.CfnOutput(
        self,
        "AppVpcPrivateSubnetIds",
        value=cdk.Fn.join(",", [subnet.subnet_id for subnet in vpc.private_subnets]),
    )
    data_bucket = s3.Bucket(self, "DataBucket")
    cdk.CfnOutput(self, "DataBucketArn", value=data_bucket.bucket_arn)
    ```

    ## Fix safety
    An output is metadata of the stack: adding one changes no resource, permission or data, so
    the fix is safe. The outputs go right after the statement that builds the resource, in the
    same method (an unbound resource is first bound to a readable name), with the stack as their
    scope (`self`, or the variable holding a stack built in the file). Their ids derive from the
    construct id (`DataBucket` -> `DataBucketArn`) and never collide with an id of the file (a
    duplicate id fails synth). Subnet ids are written for the subnet groups the VPC certainly
    has (from `subnet_configuration`, or `nat_gateways=0`: public and isolated; otherwise public
    and private; `Fn.join` of an empty group fails synth); where they cannot be known, only the
    VPC id is written and the subnets are reported. Only identifiers, ARNs and endpoints are
    written, never a secret (CDK310 reports secrets in outputs).

    Not changed: resources built by reusable `Construct` classes, nested stacks or helpers that
    receive their scope (outputs belong to the stack that uses them), resources built in loops
    or inside other expressions (a fixed output id would repeat or nothing names them), buckets
    that receive logs (access logs, CloudTrail, flow logs), and `RestApi`s, whose deployment
    already outputs its URL.

    Exports (`export_name`) are written only with the `export-names` option: an export in use
    by another stack can no longer be changed or removed, a coupling a team has to choose.

    ## Options
    `resources` (default: every kind): which kinds get outputs, among `bucket`, `distribution`,
    `function`, `http-api`, `key`, `load-balancer`, `subnet`, `table`, `vpc`.
    `export-names` (default `false`): also export each output as `<stack name>-<output id>`.
    """

    code, name, tier = "CDK501", "missing-outputs", Tier.SAFE
    summary = "Key resources need CloudFormation outputs"
    targets = tuple(KINDS)
    options: dict[str, Any] = {"resources": RESOURCES, "export-names": False}
    changelog = "Add CloudFormation outputs for {count} {noun}"
    noun = ("resource", "resources")

    def __init__(self, options: dict[str, Any] | None = None) -> None:
        super().__init__(options)
        self._outputs: tuple[FileContext | None, list[tuple[cst.Call, cst.BaseExpression]]] = (None, [])

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        kind = KINDS[call.qualname]
        if kind.option not in (self.settings.get("resources") or ()):
            return
        scope = _output_scope(call)
        if scope is None or _in_loop(call) or _receives_logs(call) or _invoked_in_stack(call):
            return
        words = _id_words(call)
        if words is None:
            return
        mentions = self._mentions(call)
        wanted: list[tuple[str, str, str]] = []  # (output id suffix, value template, what)
        if not mentions - _SUBNET_LISTS:
            wanted += [(suffix, f"{{construct}}.{attr}", what) for suffix, attr, what in kind.values]
        groups: list[str] | None = []
        if call.qualname == "aws_cdk.aws_ec2.Vpc" and not mentions & _SUBNET_LISTS:
            groups = _subnet_groups(call)
            loop_var = "s" if (call.binding or "").split(".")[0] == "subnet" else "subnet"
            wanted += [(f"{g.capitalize()}SubnetIds",
                        f'`aws_cdk.Fn`.join(",", [{loop_var}.subnet_id for {loop_var} in {{construct}}.{g}_subnets])',
                        f"{g} subnet ids") for g in groups or ()]
        if not wanted and groups is not None:
            return
        label = f"{call.class_name} '{call.construct_id}'" if call.construct_id else call.class_name
        if not wanted:
            yield self.finding(call, f"{label} has no CfnOutput for its subnet ids; not fixed: which subnet groups "
                                     "it has cannot be told from the code", tier=Tier.REPORT)
            return
        words = [w.capitalize() if w.isupper() and len(w) > 1 else w[:1].upper() + w[1:] for w in words]
        base = "".join(words)
        named = {w.lower() for w in words}
        if not any(base.lower().endswith(k.lower()) or k.lower() in named for k in kind.words):
            base += kind.words[0]
        lines, ids = [], []
        for suffix, value, _ in wanted:
            out_id = call.ctx.free_construct_id(base + suffix)
            ids.append(out_id)
            export = f', export_name=f"{{{scope}.stack_name}}-{out_id}"' if self.settings.get("export-names") else ""
            lines.append(f'`aws_cdk.CfnOutput`({scope}, "{out_id}", value={value}{export})')
        edit = call.follow_with("\n".join(lines))
        parts = list(dict.fromkeys(w for _, _, w in wanted))
        whats = ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]
        unknown = ("" if groups is not None
                   else " (nor for its subnet ids: which subnet groups it has cannot be told from the code)")
        message = f"{label} has no CfnOutput for its {whats}{unknown}"
        if edit is None:
            yield self.finding(call, message + "; not fixed: it is built inside an expression", tier=Tier.REPORT)
            return
        stmt = call.statement
        column = call.ctx.position(stmt)[1] - 1 if stmt is not None else 0
        edit.after = E.fit_statements(edit.after, " " * column, call.ctx.settings.get("line-length"),
                                      call.ctx.module.default_indent)
        yield self.finding(call, f"{message}: add {', '.join(f'`{i}`' for i in ids)}", fix=edit)

    def _mentions(self, call: ConstructCall) -> set[str]:
        """How the file's outputs mention the construct: ``""`` for the variable itself, else the
        attribute read from it (``private_subnets``...)."""
        ctx = call.ctx
        if self._outputs[0] is not ctx:
            found = [(c.node, c.value("value")) for c in ctx.calls_of(OUTPUTS) if c.value("value") is not None]
            found += [(node, node.args[0].value) for node, _ in ctx.method_calls("export_value") if node.args]
            self._outputs = (ctx, found)  # type: ignore[assignment]
        out: set[str] = set()
        if call.binding is None:
            return out
        for node, value in self._outputs[1]:
            for expr in _names_in(value):
                if call.refers_to(expr, node):
                    parent = ctx.parent(expr)
                    out.add(parent.attr.value if isinstance(parent, cst.Attribute) and parent.value is expr else "")
        return out


def _names_in(value: cst.BaseExpression) -> list[cst.BaseExpression]:
    """The names and dotted names (``bucket``, ``self.bucket``) read in an expression."""
    return [n for n in m.findall(value, m.Name() | m.Attribute())
            if isinstance(n, cst.Name) or dotted_name(n) is not None]  # type: ignore[arg-type]


def _output_scope(call: ConstructCall) -> str | None:
    """The stack an output of this construct belongs to, as code: ``self`` in a method of a stack
    class of the file (not a nested stack), or a variable holding a ``Stack`` built in the file.
    None for constructs built inside reusable constructs or helpers that receive their scope."""
    ctx = call.ctx
    scope = call.positional(0) if call.positional(0) is not None else call.value("scope")
    if not isinstance(scope, cst.Name):
        return None
    if scope.value == "self":
        fn = ctx.enclosing(call.node, cst.FunctionDef)
        cls = ctx.enclosing(fn, cst.ClassDef) if fn is not None else None
        if cls is None or ctx.enclosing(fn, cst.FunctionDef, cst.ClassDef) is not cls:  # type: ignore[arg-type]
            return None
        return "self" if cls in stack_classes_of(ctx) else None
    return scope.value if ctx.constructed_type(scope, call.node) in STACKS else None


def _in_loop(call: ConstructCall) -> bool:
    for node in call.ctx.ancestors(call.node):
        if isinstance(node, _LOOPS):
            return True
        if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            return False
    return False


def _id_words(call: ConstructCall) -> list[str] | None:
    """The words output ids are made of: the construct id's, else (in ``__init__`` or at module
    level, which run once per stack) the variable's. None where a computed id may repeat."""
    text = call.construct_id
    if text is None:
        fn = call.ctx.enclosing(call.node, cst.FunctionDef)
        if call.binding is None or (isinstance(fn, cst.FunctionDef) and fn.name.value != "__init__"):
            return None
        text = call.binding.rsplit(".", 1)[-1]
    words = words_of(text)
    return words if words and words[0][0].isalpha() else None


def _receives_logs(call: ConstructCall) -> bool:
    """A bucket that stores logs: its id or variable says so (``AccessLogs``, ``trail_bucket``),
    or it is passed where logs go (``server_access_logs_bucket=``, ``log_access_logs(b)``,
    ``cloudtrail.Trail(bucket=b)``, ``FlowLogDestination.to_s3(b)``)."""
    if call.class_name not in ("Bucket", "CfnBucket"):
        return False
    ctx = call.ctx
    words = words_of(f"{call.construct_id or ''} {call.binding or ''}")
    if {w.lower() for w in words} & {"log", "logs", "logging", "trail", "cloudtrail"}:
        return True
    for use in uses_of(call):
        arg = ctx.parent(use)
        if not isinstance(arg, cst.Arg) or arg.value is not use:
            continue
        if arg.keyword is not None and "log" in arg.keyword.value:
            return True
        target = ctx.parent(arg)
        if isinstance(target, cst.Call):
            q = ctx.call_qualname(target) or ""
            method = target.func.attr.value if isinstance(target.func, cst.Attribute) else ""
            if "log" in method.lower() or "FlowLog" in q or q == "aws_cdk.aws_cloudtrail.Trail":
                return True
    return False


#: methods of a function that connect something in the stack that invokes it
_WIRING_METHODS = frozenset({"add_event_source", "add_event_source_mapping", "add_permission", "grant_invoke",
                             "add_function_url"})
#: attributes of a function that other resources use to invoke it
_INVOKE_ATTRIBUTES = frozenset({"function_arn", "function_name", "current_version", "latest_version"})


def _invoked_in_stack(call: ConstructCall) -> bool:
    """A Lambda function the stack itself wires to what invokes it: passed (or its ARN or name)
    to an API integration, event source or target, notification, state machine task, custom
    resource, another construct, or given an event source or invoke permission. The API or the
    event is then the interface; the function is plumbing."""
    if KINDS[call.qualname].option != "function":
        return False
    ctx = call.ctx
    for use in uses_of(call):
        parent = ctx.parent(use)
        if isinstance(parent, cst.Attribute) and parent.value is use:
            if parent.attr.value in _WIRING_METHODS:
                return True
            if parent.attr.value not in _INVOKE_ATTRIBUTES:
                continue
            use = parent
        for node in ctx.ancestors(use):
            if isinstance(node, cst.BaseStatement):
                break
            if isinstance(node, cst.Call) and _wires(ctx, node):
                return True
    return False


def _wires(ctx: FileContext, node: cst.Call) -> bool:
    q = ctx.call_qualname(node)
    if q in OUTPUTS:
        return False
    method = node.func.attr.value if isinstance(node.func, cst.Attribute) else ""
    if method.startswith("grant") or method.startswith("metric"):
        return False
    return method.startswith("add_") or (q is not None and q.startswith("aws_cdk.")) or builds_construct_like(ctx, node)


def _subnet_groups(call: ConstructCall) -> list[str] | None:
    """The subnet groups (``public``, ``private``, ``isolated``) the VPC certainly has; None when
    the code does not tell."""
    config = call.value("subnet_configuration")
    if config is None:
        nat = call.literal("nat_gateways")
        if call.has_kwargs_spread or (call.has("nat_gateways") and not isinstance(nat, int)):
            return None
        return ["public", "isolated"] if nat == 0 else ["public", "private"]
    if not isinstance(config, cst.List):
        return None
    groups: set[str] = set()
    for element in config.elements:
        item = element.value
        if isinstance(item, cst.Name):  # subnet1 = ec2.SubnetConfiguration(...)
            values = call.ctx.assigned_values(item, call.node)
            item = values[0] if len(values) == 1 else item
        if not isinstance(item, cst.Call) or isinstance(element, cst.StarredElement):
            return None
        entry = ConstructCall(call.ctx, item, call.ctx.call_qualname(item) or "")
        if entry.is_true("reserved"):
            continue
        member = (entry.value_qualname("subnet_type") or "").rpartition(".")[2]
        if member not in SUBNET_GROUPS or not (entry.value_qualname("subnet_type") or "").startswith("aws_cdk."):
            return None
        groups.add(SUBNET_GROUPS[member])
    return [g for g in ("public", "private", "isolated") if g in groups]
