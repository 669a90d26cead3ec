from __future__ import annotations

from typing import Iterator

import libcst as cst

from remediator.analysis import edits as E
from remediator.analysis.cdk_facts import FUNCTIONS, L1_FUNCTIONS
from remediator.analysis.context import ConstructCall, FileContext, literal_value
from remediator.analysis.rule import Edit, Finding, Rule, Tier

#: Keys the Lambda runtime sets itself. This is the list aws-cdk-lib 2.275 rejects in
#: ``Function.addEnvironment`` (tests/test_cdk204_reserved_keys.py checks it against the installed
#: aws-cdk-lib) and the "reserved environment variables" of the AWS Lambda documentation.
#: ``AWS_LAMBDA_EXEC_WRAPPER``, ``AWS_XRAY_*``, ``LANG``, ``PATH``... are settable and not listed.
RESERVED = (
    "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
    "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
    "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
    "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
    "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
)

L1_ENVIRONMENT = ("aws_cdk.aws_lambda.CfnFunction.EnvironmentProperty",
                  "aws_cdk.aws_sam.CfnFunction.FunctionEnvironmentProperty")


def _why(key: str) -> str:
    if key in ("AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        return "the runtime sets it from the function's execution role"
    return "the runtime sets it itself"


class LambdaReservedEnvVar(Rule):
    """
    ## What it does
    Finds Lambda functions whose environment sets a key the Lambda runtime reserves:
    `AWS_REGION`, `AWS_DEFAULT_REGION`, `AWS_LAMBDA_FUNCTION_NAME` and the other
    `AWS_LAMBDA_*` runtime values, `_HANDLER`, `_X_AMZN_TRACE_ID`, `AWS_EXECUTION_ENV`,
    `LAMBDA_TASK_ROOT`, `LAMBDA_RUNTIME_DIR` and the credential variables (`AWS_ACCESS_KEY_ID`,
    `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`). Looks at `environment={...}` of `Function`,
    `SingletonFunction`, `DockerImageFunction`, `NodejsFunction`, `TriggerFunction`,
    `PythonFunction`, `GoFunction` (also a dict bound to a name in the same scope, with its
    `env["AWS_REGION"] = ...` statements, or `dict(...)`), at `fn.add_environment("AWS_REGION", ...)`, and at the `variables` of
    `CfnFunction`'s environment. `AWS_LAMBDA_EXEC_WRAPPER`, `AWS_XRAY_*` and the like are
    settable and left alone. A dict bound to a name that is also used in any other way (given
    to an ECS container, updated, copied...), and a module-level dict (other modules may import
    it), are reported but not changed.

    ## Why is this bad?
    aws-cdk-lib rejects them (`AWS_REGION environment variable is reserved by the lambda runtime
    and can not be set manually`), so the app does not synthesize; for the L1 `CfnFunction` the
    Lambda API rejects the deployment instead. The runtime provides every one of these values.

    ## Example
    ```python
    lambda_.Function(self, "Api", ..., environment={"TABLE": table.table_name, "AWS_REGION": self.region})
    ```
    Use instead:
    ```python
    lambda_.Function(self, "Api", ..., environment={"TABLE": table.table_name})
    ```

    ## Fix safety
    Safe: the entry is removed, and the function reads the same value, set by the runtime (the
    region the function runs in, its own name, the role's credentials).
    """

    code, name, tier = "CDK204", "lambda-reserved-env-var", Tier.SAFE
    summary = "Lambda environments must not set keys the runtime reserves"
    targets = FUNCTIONS + L1_FUNCTIONS
    triggers = ("environment",)
    changelog = "Remove {count} runtime-reserved Lambda environment {noun}"
    noun = ("variable", "variables")

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        value = call.value("environment")
        if value is None:
            return
        if call.is_l1:
            value = self._l1_variables(call.ctx, value)
            if value is None:
                return
        yield from self._mapping(call.ctx, value, call.node, call.is_l1)

    def check_module(self, ctx: FileContext) -> Iterator[Finding]:
        for call, receiver in ctx.method_calls("add_environment"):
            if ctx.constructed_type(receiver, call) not in FUNCTIONS or not call.args:
                continue
            first = call.args[0] if call.args[0].keyword is None and not call.args[0].star else E.get_keyword(call, "key")
            key = literal_value(first.value) if first is not None else None
            if key not in RESERVED:
                continue
            stmt = ctx.statement_of(call)
            removable = (isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1
                         and isinstance(stmt.body[0], cst.Expr) and stmt.body[0].value is call)
            yield self.finding(call, self._message(key),
                               fix=ctx.remove_statement(call) if removable else None)

    _seen: tuple[object, set[int]] = (None, set())

    # -- helpers ------------------------------------------------------------------------------
    @staticmethod
    def _message(key: str, l1: bool = False) -> str:
        fails = "deployment fails" if l1 else "synth fails"
        return f"`{key}` is reserved by the Lambda runtime and cannot be set ({fails}); remove it: {_why(key)}"

    @staticmethod
    def _l1_variables(ctx: FileContext, env: cst.BaseExpression) -> cst.BaseExpression | None:
        if isinstance(env, cst.Call) and ctx.call_qualname(env) in L1_ENVIRONMENT:
            arg = E.get_keyword(env, "variables")
            return None if arg is None else arg.value
        if isinstance(env, cst.Dict):
            for el in env.elements:
                if isinstance(el, cst.DictElement) and literal_value(el.key) == "variables":
                    return el.value
        return None

    def _mapping(self, ctx: FileContext, value: cst.BaseExpression, at: cst.CSTNode,
                 l1: bool = False) -> Iterator[Finding]:
        """Findings for a dict display, ``dict(...)`` call, or a name bound once to one of those."""
        fixable = True
        subscripts: list[tuple[cst.Assign, str]] = []
        if isinstance(value, cst.Name):
            values = ctx.assigned_values(value, at)
            scope = ctx.scope_of(at)
            params = set()
            if isinstance(scope, (cst.FunctionDef, cst.Lambda)):
                ps = scope.params
                params = {p.name.value for p in (*ps.posonly_params, *ps.params, *ps.kwonly_params,
                                                 ps.star_arg, ps.star_kwarg) if isinstance(p, cst.Param)}
            if not values and scope is not ctx.module and value.value not in params:  # a module-level constant
                values = [b.value for b in ctx.assignments if b.target == value.value and b.scope is ctx.module]
                fixable = False  # other modules may import it
            elif len(values) == 1:
                fixable = _only_lambda_environment(ctx, value.value, at)
                subscripts = _reserved_subscript_sets(ctx, value.value, scope)
            if len(values) != 1:
                return
            value = values[0]
        if self._seen[0] is not ctx.module:
            self._seen = (ctx.module, set())
        if id(value) in self._seen[1]:  # one dict shared by several functions: report it once
            return
        self._seen[1].add(id(value))
        for assign, key in subscripts:  # env["AWS_REGION"] = ...
            stmt = ctx.statement_of(assign)
            alone = isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1
            yield self._entry(assign, key, l1, ctx.remove_statement(assign) if alone else None, fixable)
        if isinstance(value, cst.Dict):
            for el in value.elements:
                if isinstance(el, cst.DictElement):
                    key = literal_value(el.key)
                    if key in RESERVED:
                        yield self._entry(el, key, l1, Edit(value, replace=_drop_key(key)), fixable)
        elif isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and value.func.value == "dict":
            for arg in value.args:
                if arg.keyword is not None and arg.keyword.value in RESERVED:
                    key = arg.keyword.value
                    yield self._entry(arg, key, l1, Edit(value, replace=lambda n, k=key: E.remove_keyword(n, k)),
                                      fixable)

    def _entry(self, node: cst.CSTNode, key: str, l1: bool, edit: Edit | None, fixable: bool) -> Finding:
        if fixable:
            return self.finding(node, self._message(key, l1), fix=edit)
        return self.finding(node, self._message(key, l1) + " (not fixed: the dict may also be used for "
                                                           "something other than a Lambda environment)")


def _only_lambda_environment(ctx: FileContext, name: str, at: cst.CSTNode) -> bool:
    """Every use of ``name`` in the scope of ``at`` binds it or is the ``environment`` of a Lambda
    function (the ``variables`` of a ``CfnFunction`` environment): removing a key from the dict
    then changes nothing but those functions."""
    scope = ctx.scope_of(at)
    ok = True

    class Uses(cst.CSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            nonlocal ok
            if node.value != name:  # uses in nested functions count too (closures)
                return
            parent = ctx.parent(node)
            if isinstance(parent, cst.AssignTarget) or (isinstance(parent, cst.AnnAssign) and parent.target is node):
                return
            if isinstance(parent, cst.Subscript) and isinstance(ctx.parent(parent), cst.AssignTarget):
                return  # env["KEY"] = ...: adds to the dict, shares it with nobody
            if isinstance(parent, cst.Arg) and parent.keyword is not None and parent.value is node:
                call = ctx.parent(parent)
                if isinstance(call, cst.Call):
                    q = ctx.call_qualname(call)
                    if parent.keyword.value == "environment" and q in FUNCTIONS + L1_FUNCTIONS:
                        return
                    if parent.keyword.value == "variables" and q in L1_ENVIRONMENT:
                        return
            ok = False

    scope.visit(Uses())
    return ok


def _reserved_subscript_sets(ctx: FileContext, name: str, scope: cst.CSTNode) -> list[tuple[cst.Assign, str]]:
    """``name["AWS_REGION"] = ...`` statements of ``scope`` (its own statements, not nested scopes')."""
    out = []

    class Sets(cst.CSTVisitor):
        def visit_Assign(self, node: cst.Assign) -> None:
            if len(node.targets) != 1 or ctx.scope_of(node) is not scope:
                return
            target = node.targets[0].target
            if (isinstance(target, cst.Subscript) and isinstance(target.value, cst.Name) and target.value.value == name
                    and len(target.slice) == 1 and isinstance(target.slice[0].slice, cst.Index)):
                key = literal_value(target.slice[0].slice.value)
                if key in RESERVED:
                    out.append((node, key))

    scope.visit(Sets())
    return out


def _drop_key(key: str):
    return lambda n: E.dict_remove_key(n, key)
