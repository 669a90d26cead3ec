from __future__ import annotations

import re
from typing import Iterator

import libcst as cst

from remediator.analysis.cdk_facts import FUNCTIONS
from remediator.analysis.companions import add_before, built_before, readable_base
from remediator.analysis.context import ConstructCall, FileContext, literal_value
from remediator.analysis.rule import Finding, Fix, Rule, Tier

QUEUE = "aws_cdk.aws_sqs.Queue"
_ASYNC, _SYNC, _POLL = "asynchronous", "synchronous", "polling"
#: how the constructs a function is handed to invoke it (Lambda's invocation models)
INVOKERS = {
    "aws_cdk.aws_s3_notifications.LambdaDestination": _ASYNC,
    "aws_cdk.aws_lambda_event_sources.S3EventSource": _ASYNC,
    "aws_cdk.aws_lambda_event_sources.S3EventSourceV2": _ASYNC,
    "aws_cdk.aws_lambda_event_sources.SnsEventSource": _ASYNC,
    "aws_cdk.aws_sns_subscriptions.LambdaSubscription": _ASYNC,
    "aws_cdk.aws_events_targets.LambdaFunction": _ASYNC,
    "aws_cdk.aws_logs_destinations.LambdaDestination": _ASYNC,
    "aws_cdk.aws_ses_actions.Lambda": _ASYNC,
    "aws_cdk.aws_scheduler_targets.LambdaInvoke": _ASYNC,
    "aws_cdk.aws_lambda_destinations.LambdaDestination": _ASYNC,
    "aws_cdk.aws_codepipeline_actions.LambdaInvokeAction": _ASYNC,
    "aws_cdk.aws_cloudwatch_actions.LambdaAction": _ASYNC,
    "aws_cdk.aws_stepfunctions_tasks.LambdaInvoke": _SYNC,  # unless invocation_type=EVENT
    "aws_cdk.aws_apigateway.LambdaIntegration": _SYNC,
    "aws_cdk.aws_apigateway.LambdaRestApi": _SYNC,
    "aws_cdk.aws_apigateway.TokenAuthorizer": _SYNC,
    "aws_cdk.aws_apigateway.RequestAuthorizer": _SYNC,
    "aws_cdk.aws_apigatewayv2_integrations.HttpLambdaIntegration": _SYNC,
    "aws_cdk.aws_apigatewayv2_integrations.WebSocketLambdaIntegration": _SYNC,
    "aws_cdk.aws_apigatewayv2_authorizers.HttpLambdaAuthorizer": _SYNC,
    "aws_cdk.aws_apigatewayv2_authorizers.WebSocketLambdaAuthorizer": _SYNC,
    "aws_cdk.aws_elasticloadbalancingv2_targets.LambdaTarget": _SYNC,
    "aws_cdk.aws_appsync.LambdaDataSource": _SYNC,
    "aws_cdk.aws_cognito.UserPoolTriggers": _SYNC,
    "aws_cdk.aws_lambda.FunctionUrl": _SYNC,
    "aws_cdk.custom_resources.Provider": _SYNC,
    "aws_cdk.aws_config.CustomRule": _ASYNC,
    "aws_cdk.aws_lambda_event_sources.SqsEventSource": _POLL,
    "aws_cdk.aws_lambda_event_sources.KinesisEventSource": _POLL,
    "aws_cdk.aws_lambda_event_sources.DynamoEventSource": _POLL,
    "aws_cdk.aws_lambda_event_sources.ManagedKafkaEventSource": _POLL,
    "aws_cdk.aws_lambda_event_sources.SelfManagedKafkaEventSource": _POLL,
    "aws_cdk.aws_lambda.EventSourceMapping": _POLL,
}
#: methods of other constructs that take the function itself
_METHODS = {"add_lambda_data_source": _SYNC, "add_trigger": _SYNC, "add_function_url": _SYNC,
            "add_event_source_mapping": _POLL}
#: ``fn.add_permission(principal=ServicePrincipal("<service>.amazonaws.com"))``: services that invoke asynchronously
_ASYNC_SERVICES = ("s3", "sns", "events", "logs", "ses", "iot", "config", "scheduler", "cloudwatch")
_DLQ_WORDS = re.compile(r"dlq|dead_?letter|deadletter", re.IGNORECASE)
_HAS_DLQ = ("dead_letter_queue", "dead_letter_topic", "dead_letter_queue_enabled", "on_failure")


def suggested_names() -> list[str]:
    return [QUEUE, "aws_cdk.aws_sqs.QueueEncryption.SQS_MANAGED", "aws_cdk.Duration.days",
            f"{QUEUE}(enforce_ssl)", f"{QUEUE}(retention_period)", f"{QUEUE}(encryption)",
            "aws_cdk.aws_lambda.Function(dead_letter_queue)", *sorted(INVOKERS)]


class LambdaDeadLetterQueue(Rule):
    """
    ## What it does
    Finds Lambda functions (`lambda_.Function` and its subclasses) that are invoked
    asynchronously — by an S3 notification, an SNS subscription, an EventBridge rule or
    schedule, a CloudWatch Logs subscription, SES, another function's destination... — and have
    no `dead_letter_queue`, `dead_letter_topic` or `on_failure` destination. The fix adds an
    encrypted, TLS-only SQS queue that keeps messages 14 days, right before the function, and
    passes it as `dead_letter_queue=`; a dead-letter queue the function's block already builds
    (named like `dlq`, encrypted, TLS-only, not FIFO) is reused instead.

    ## Why is this bad?
    Lambda retries a failed asynchronous event twice, then drops it: without a dead-letter queue
    the event is lost and nobody sees it (checkov CKV_AWS_116).

    ## Example
    ```python
    fn = lambda_.Function(self, "Processor", runtime=rt, handler="index.handler", code=code)
    bucket.add_event_notification(s3.EventType.OBJECT_CREATED, s3n.LambdaDestination(fn))
    ```
    Use instead:
    ```python
    processor_dlq = sqs.Queue(
        self,
        "ProcessorDlq",
        encryption=sqs.QueueEncryption.SQS_MANAGED,
        enforce_ssl=True,
        retention_period=Duration.days(14),
    )
    fn = lambda_.Function(
        self,
        "Processor",
        runtime=rt,
        handler="index.handler",
        code=code,
        dead_letter_queue=processor_dlq,
    )
    bucket.add_event_notification(s3.EventType.OBJECT_CREATED, s3n.LambdaDestination(fn))
    ```

    ## Fix safety
    Safe: the function is updated in place (`DeadLetterConfig` is not create-only), CDK adds
    `sqs:SendMessage` on the new queue to the function's role, and nothing is removed. The queue
    uses SQS-managed encryption (no key policy to get right) and denies plain HTTP
    (`enforce_ssl=True`): `dead_letter_queue_enabled=True` would create a queue without that
    policy (cdk-nag AwsSolutions-SQS4).

    Only asynchronous invocations go to a dead-letter queue. A function that the file only
    hands to synchronous callers (API Gateway, an ALB, a function URL, AppSync, Cognito, a
    custom-resource provider, a Step Functions task) or to an event source mapping (SQS,
    Kinesis, DynamoDB streams, Kafka: failures go to the mapping's `on_failure`) gets no
    finding. A function whose invoker the file does not show is reported, not changed (set
    `require-async-invoker = false` to fix those too). Functions built in a loop, with `**kwargs`,
    or without a plain scope argument are reported.

    ## Options
    `require-async-invoker` (default `true`): fix only functions the file shows being invoked
    asynchronously; with `false`, also those whose invoker is not in the file.
    """

    code, name, tier = "CDK306", "lambda-dead-letter-queue", Tier.SAFE
    tier_note = "(when invoked asynchronously; unknown invokers reported)"
    summary = "Asynchronously invoked Lambda functions must have a dead-letter queue"
    targets = tuple(f for f in FUNCTIONS if f != "aws_cdk.triggers.TriggerFunction")
    options = {"require-async-invoker": True}
    changelog = "Add a dead-letter queue to {count} Lambda {noun}"
    noun = ("function", "functions")

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if call.has_kwargs_spread or any(call.has(k) for k in _HAS_DLQ):
            return
        if any(_sets_on_failure(call.ctx, c) for c in call.method_calls("configure_async_invoke")):
            return
        kinds = _invocations(call)
        if kinds and _ASYNC not in kinds.values():
            return  # only synchronous or polling invokers: a dead-letter queue would never receive anything
        invoked = ", ".join(sorted(k for k, v in kinds.items() if v == _ASYNC))
        message = "Lambda function invoked asynchronously ({}) has no dead-letter queue: failed events are " \
                  "dropped after two retries".format(invoked) if invoked else \
            "Lambda function has no dead-letter queue"
        if not invoked and self.settings.get("require-async-invoker", True):
            yield self.finding(call, message + "; this file shows no asynchronous invoker: if S3, SNS, EventBridge "
                                               "or an Event invoke calls it, add dead_letter_queue=", tier=Tier.REPORT)
            return
        queues = built_before(call, (QUEUE,), _usable_dlq)
        if queues:
            name = queues[0].binding or ""
            yield self.finding(call, f"{message}: use the dead-letter queue `{name}`",
                               fix=call.set_keyword("dead_letter_queue", name))
            return
        added = add_before(call, readable_base(call, "dlq"), f"{call.construct_id or 'Function'}Dlq", _NEW_QUEUE)
        if added is None:
            yield self.finding(call, message + "; not fixed here: the statement runs repeatedly or its scope is not "
                                               "a plain name")
            return
        edit, name = added
        yield self.finding(call, f"{message}: add an encrypted, TLS-only queue `{name}` (14-day retention)",
                           fix=Fix([edit, call.set_keyword("dead_letter_queue", name)]))


_NEW_QUEUE = """\
{name} = `aws_cdk.aws_sqs.Queue`(
    {scope},
    "{id}",
    encryption=`aws_cdk.aws_sqs.QueueEncryption`.SQS_MANAGED,
    enforce_ssl=True,
    retention_period=`aws_cdk.Duration`.days(14),
)
"""


def _usable_dlq(queue: ConstructCall) -> bool:
    """A queue built as a dead-letter queue: named so, encrypted, TLS-only, standard (Lambda cannot use FIFO)."""
    named = _DLQ_WORDS.search(queue.binding or "") or _DLQ_WORDS.search(queue.construct_id or "")
    encryption = queue.value_qualname("encryption")
    return bool(named) and not queue.has_kwargs_spread and queue.is_true("enforce_ssl") \
        and not queue.is_true("fifo") and encryption != "aws_cdk.aws_sqs.QueueEncryption.UNENCRYPTED"


def _sets_on_failure(ctx: FileContext, call: cst.Call) -> bool:
    return any(a.keyword is not None and a.keyword.value == "on_failure" for a in call.args)


def _invocations(call: ConstructCall) -> dict[str, str]:
    """How the file invokes the function: ``{"s3n.LambdaDestination": "asynchronous", ...}``."""
    ctx = call.ctx
    found: dict[str, str] = {}
    for use in _uses(call):
        parent = ctx.parent(use)
        if isinstance(parent, cst.Attribute) and parent.value is use:
            method = parent.attr.value
            outer = ctx.parent(parent)
            if not (isinstance(outer, cst.Call) and outer.func is parent):
                found.update(_named_in(ctx, parent))  # fn.function_arn handed to something
                continue
            if method == "add_event_source" and outer.args:
                source = outer.args[0].value
                q = ctx.call_qualname(source) if isinstance(source, cst.Call) else ctx.constructed_type(source, outer)
                if q in INVOKERS:
                    found[_short(q)] = INVOKERS[q]
            elif method in _METHODS:
                found[f"{method}()"] = _METHODS[method]
            elif method == "add_permission":
                service = _principal_service(outer)
                if service is not None:
                    found[f"{service} permission"] = _ASYNC if service in _ASYNC_SERVICES else _SYNC
            continue
        arg = parent if isinstance(parent, cst.Arg) else None
        if arg is None and isinstance(parent, (cst.Element, cst.DictElement)):
            arg = ctx.enclosing(parent, cst.Arg)  # type: ignore[assignment]
        outer = ctx.parent(arg) if arg is not None else None
        if not isinstance(outer, cst.Call):
            continue
        q = ctx.call_qualname(outer)
        if isinstance(outer.func, cst.Attribute) and outer.func.attr.value in _METHODS and q is None:
            found[f"{outer.func.attr.value}()"] = _METHODS[outer.func.attr.value]
        elif q in INVOKERS:
            kind = INVOKERS[q]
            if q.endswith("stepfunctions_tasks.LambdaInvoke") and (_value_name(ctx, outer, "invocation_type") or "") \
                    .endswith(".EVENT"):
                kind = _ASYNC
            found[_short(q)] = kind
    for source in call.value("events").elements if isinstance(call.value("events"), cst.List) else ():  # type: ignore[union-attr]
        q = ctx.call_qualname(source.value) if isinstance(source.value, cst.Call) else None
        if q in INVOKERS:
            found[_short(q)] = INVOKERS[q]
    return found


def _uses(call: ConstructCall) -> list[cst.CSTNode]:
    """The expressions that hold the function: its variable where the file reads it, or the call
    itself when it is passed on directly."""
    ctx = call.ctx
    name = call.binding
    if name is None:
        return [call.node]
    if "." in name:
        return [a for a in ctx.attributes if ctx.module.code_for_node(a) == name and call.refers_to(a, a)]
    return [n for n in ctx.references.get(name, ()) if call.refers_to(n, n)]


#: constructs that invoke a function they know by ARN or name
_BY_NAME = ("aws_cdk.custom_resources.AwsCustomResource", "aws_cdk.custom_resources.AwsSdkCall",
            "aws_cdk.aws_s3objectlambda.CfnAccessPoint")


def _named_in(ctx: FileContext, attr: cst.Attribute) -> dict[str, str]:
    """``fn.function_arn`` inside an S3 Object Lambda access point (synchronous) or an
    ``AwsCustomResource`` call of Lambda's ``invoke`` (asynchronous with ``"InvocationType":
    "Event"``, else synchronous)."""
    for anc in ctx.ancestors(attr):
        q = ctx.call_qualname(anc) if isinstance(anc, cst.Call) else None
        if q in _BY_NAME:
            holder = next((a for a in ctx.ancestors(anc) if isinstance(a, cst.Call)
                           and ctx.call_qualname(a) == _BY_NAME[0]), anc)
            event = '"Event"' in ctx.module.code_for_node(holder) or "'Event'" in ctx.module.code_for_node(holder)
            return {_short(q): _ASYNC if event and "custom_resources" in q else _SYNC}  # type: ignore[arg-type]
        if isinstance(anc, cst.BaseStatement):
            break
    return {}


def _principal_service(permission: cst.Call) -> str | None:
    for arg in permission.args:
        if arg.keyword is not None and arg.keyword.value == "principal" and isinstance(arg.value, cst.Call) \
                and arg.value.args:
            service = literal_value(arg.value.args[0].value)
            if isinstance(service, str) and service.endswith(".amazonaws.com"):
                return service.split(".")[0]
    return None


def _value_name(ctx: FileContext, call: cst.Call, keyword: str) -> str | None:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == keyword:
            return ctx.qualname(arg.value)
    return None


def _short(qualname: str) -> str:
    module, _, cls = qualname.rpartition(".")
    return f"{module.rpartition('.')[2].removeprefix('aws_')}.{cls}"
