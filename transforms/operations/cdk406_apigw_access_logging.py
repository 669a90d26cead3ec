from __future__ import annotations

from typing import Iterable, Iterator

import libcst as cst

from remediator.analysis.apigateway import REST_APIS, STAGE, STANDARD_LOG_FIELDS, stage_settings
from remediator.analysis.context import ConstructCall
from remediator.analysis.edits import Edit, parse_statements
from remediator.analysis.rule import Finding, Rule, Tier
from remediator.analysis.wiring import construct_scope

LOG_GROUP = "aws_cdk.aws_logs.LogGroup"
DESTINATION = "aws_cdk.aws_apigateway.LogGroupLogDestination"
ACCESS_LOG_FORMAT = "aws_cdk.aws_apigateway.AccessLogFormat"
INFO = "aws_cdk.aws_apigateway.MethodLoggingLevel.INFO"
#: the feature flag (cdk.json) under which a RestApi creates no CloudWatch role by default
NO_CLOUDWATCH_ROLE_FLAG = "@aws-cdk/aws-apigateway:disableCloudWatchRole"


class ApigwAccessLogging(Rule):
    """
    ## What it does
    Finds REST API stages without access logging or execution logging: a `RestApi` (also
    `LambdaRestApi`, `SpecRestApi`, `StepFunctionsRestApi`) whose `deploy_options` lack
    `access_log_destination` or `logging_level`, and `apigw.Stage` calls likewise. The fix creates
    a log group next to the API and merges into the existing `StageOptions` (or adds one):
    `access_log_destination=LogGroupLogDestination(log_group)`, `access_log_format=
    AccessLogFormat.json_with_standard_fields(...)` with every field, `logging_level=INFO` and
    `metrics_enabled=True`; settings the stage already has are kept.

    ## Why is this bad?
    Without access logs nobody can tell who called the API, with what result and latency;
    without execution logs a failing integration leaves no trace (cdk-nag AwsSolutions-APIG1,
    AwsSolutions-APIG6).

    ## Example
    ```python
    api = apigw.RestApi(self, "Orders", deploy_options=apigw.StageOptions(stage_name="prod"))
    ```
    Use instead:
    ```python
    api_access_logs = logs.LogGroup(self, "OrdersAccessLogs")
    api = apigw.RestApi(
        self,
        "Orders",
        deploy_options=apigw.StageOptions(
            stage_name="prod",
            access_log_destination=apigw.LogGroupLogDestination(api_access_logs),
            access_log_format=apigw.AccessLogFormat.json_with_standard_fields(
                caller=True,
                http_method=True,
                ip=True,
                protocol=True,
                request_time=True,
                resource_path=True,
                response_length=True,
                status=True,
                user=True,
            ),
            logging_level=apigw.MethodLoggingLevel.INFO,
            metrics_enabled=True,
        ),
    )
    ```

    ## Fix safety
    Safe: the stage is updated in place (same URL and deployment), a new log group is created
    (retained when the stack is deleted, kept two years by default), and no permission of an
    existing resource changes. API Gateway writes logs through the account's CloudWatch Logs role
    (an account setting): a `RestApi` creates and registers one unless `cloud_watch_role=False`,
    or unless the app's `cdk.json` sets `@aws-cdk/aws-apigateway:disableCloudWatchRole` (the
    default of new CDK apps); there, deploying the fix fails in an account without that role, so
    the finding is reported instead unless the option below says the accounts have it. Logs and
    per-method metrics cost CloudWatch ingestion in proportion to traffic; the review documents
    and cdk-nag ask for them, so the rule is on by default. `deploy_options` built elsewhere (a
    variable) are reported; APIs with `deploy=False` are checked at their `apigw.Stage` calls.

    ## Options
    `account-has-cloudwatch-role` (default `false`): set to `true` when the accounts you deploy
    to have API Gateway's CloudWatch Logs role set: the fix is then made where the stack creates
    no role.
    """

    code, name, tier = "CDK406", "apigw-access-logging", Tier.SAFE
    tier_note = "(reported where no API Gateway CloudWatch role is known)"
    summary = "REST API stages must write access and execution logs"
    targets = (*REST_APIS, STAGE)
    options = {"account-has-cloudwatch-role": False}
    changelog = "Log requests of {count} REST API {noun}"
    noun = ("stage", "stages")

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if call.has_kwargs_spread:
            return
        settings, why = stage_settings(call)
        missing = [] if settings is None else [k for k in ("access_log_destination", "logging_level")
                                               if not settings.has(k)]
        message = "REST API stage does not write " + " or ".join(
            {"access_log_destination": "access logs", "logging_level": "execution logs"}[k] for k in missing)
        if why is not None:
            yield self.finding(call, f"REST API stage may not write access logs ({why}): set access_log_destination, "
                                     "access_log_format and logging_level there", tier=Tier.REPORT)
            return
        if settings is None or not missing:
            return
        if not self._role_available(call):
            yield self.finding(call, message + " (not fixed: the stack creates no API Gateway CloudWatch role "
                                               "(cloud_watch_role, or @aws-cdk/aws-apigateway:disableCloudWatchRole in "
                                               "cdk.json) and the deploy fails in an account without one; set the "
                                               "option account-has-cloudwatch-role when yours have it)",
                               tier=Tier.REPORT)
            return
        ctx = call.ctx
        values = {"logging_level": f"`{INFO}`", "metrics_enabled": "True"}
        edits: list[Edit] = []
        if "access_log_destination" in missing:
            scope = construct_scope(call)
            # before the options object when it is built in a statement of its own, else the API
            stmt = ctx.statement_of(settings.options) if settings.options is not None else call.statement
            if scope is None or not isinstance(stmt, cst.SimpleStatementLine):
                yield self.finding(call, message + " (not fixed: its statement has no place for a log group)",
                                   tier=Tier.REPORT)
                return
            base = (call.binding or "api").rsplit(".", 1)[-1]
            log_group = ctx.fresh_name(f"{base}_access_logs")
            name = ctx.free_construct_id(f"{call.construct_id or 'Api'}AccessLogs")
            text, imports = ctx.code(f'{log_group} = `{LOG_GROUP}`({scope}, "{name}")')
            edits.append(_insert_before(stmt, text, imports))
            fields = ", ".join(f"{f}=True" for f in STANDARD_LOG_FIELDS)
            values = {"access_log_destination": f"`{DESTINATION}`({log_group})",
                      "access_log_format": f"`{ACCESS_LOG_FORMAT}`.json_with_standard_fields({fields})", **values}
        edits.extend(settings.merge(values))
        yield self.finding(call, message, fix=edits)

    def _role_available(self, call: ConstructCall) -> bool:
        """The account gets (or is said to have) API Gateway's CloudWatch Logs role."""
        if self.settings["account-has-cloudwatch-role"]:
            return True
        explicit = None if call.qualname == STAGE else call.literal("cloud_watch_role")
        if explicit is not None:
            return explicit is True
        return call.ctx.app.context.get(NO_CLOUDWATCH_ROLE_FLAG) not in (True, "true")


def _insert_before(stmt: cst.SimpleStatementLine, text: str, imports: list[str]) -> Edit:
    """Statements before ``stmt``; the blank lines above ``stmt`` go above them (comments stay
    with ``stmt``)."""
    blank = [line for line in stmt.leading_lines if line.comment is None]
    first, *rest = parse_statements(text)
    first = first.with_changes(leading_lines=[*blank, *first.leading_lines])

    def keep_comments(node: cst.CSTNode) -> cst.CSTNode:
        if not isinstance(node, cst.SimpleStatementLine):
            return node
        return node.with_changes(leading_lines=[line for line in node.leading_lines if line.comment is not None])

    return Edit(stmt, before=[first, *rest], replace=keep_comments, imports=imports)


def suggested_names() -> Iterable[str]:
    return [LOG_GROUP, DESTINATION, INFO, f"{ACCESS_LOG_FORMAT}.json_with_standard_fields",
            *(f"{ACCESS_LOG_FORMAT}.json_with_standard_fields({f})" for f in STANDARD_LOG_FIELDS),
            *(f"aws_cdk.aws_apigateway.StageOptions({k})" for k in
              ("access_log_destination", "access_log_format", "logging_level", "metrics_enabled")),
            *(f"{STAGE}({k})" for k in ("access_log_destination", "access_log_format", "logging_level", "metrics_enabled")),
            *(f"{api}(deploy_options)" for api in REST_APIS), "aws_cdk.aws_apigateway.RestApi(cloud_watch_role)"]
