from __future__ import annotations

import re
import textwrap
from typing import Any, Iterable, Iterator

import libcst as cst
import libcst.matchers as m

from remediator.analysis.cdk_facts import FUNCTIONS, words_of
from remediator.analysis.context import ConstructCall, FileContext, literal_value
from remediator.analysis.rule import Finding, Fix, Rule, Tier

INLINE = ("aws_cdk.aws_lambda.Code.from_inline", "aws_cdk.aws_lambda.InlineCode.from_inline",
          "aws_cdk.aws_lambda.InlineCode")
#: the file inline code runs as, per runtime family (CloudFormation writes ZipFile code to it)
FILE_NAMES = {"PYTHON": "index.py", "NODEJS": "index.js"}
#: modules CloudFormation provides to inline (ZipFile) code only
INLINE_ONLY_MODULES = re.compile(r"\bcfnresponse\b|cfn-response")


def suggested_names() -> Iterable[str]:
    return ("aws_cdk.aws_lambda.Code.from_asset", "aws_cdk.aws_lambda.Runtime.PYTHON_3_12",
            "aws_cdk.aws_lambda.Runtime.NODEJS_20_X")


class InlineLambdaCode(Rule):
    """
    ## What it does
    Finds Lambda functions whose code is written inline in the stack,
    `lambda_.Code.from_inline("...")` (or `InlineCode`), longer than `max-lines` non-blank lines,
    and moves it into its own file: `lambda/<function>/index.py` (`index.js` for Node.js) next to
    the stack file, loaded with `Code.from_asset`.

    ## Why is this bad?
    Code in a string is not linted, formatted, type-checked or unit-tested, and escapes in it
    hide mistakes. It also caps the function at 4 KB of code.

    ## Example
    ```python
    lambda_.Function(
        self,
        "Orders",
        runtime=lambda_.Runtime.PYTHON_3_12,
        handler="index.handler",
        code=lambda_.Code.from_inline(
            "import json\\n"
            "\\n"
            "def handler(event, context):\\n"
            "    body = json.dumps(event)\\n"
            "    return {'statusCode': 200, 'body': body}\\n"
        ),
    )
    ```
    Use instead:
    ```python
    lambda_.Function(
        self,
        "Orders",
        runtime=lambda_.Runtime.PYTHON_3_12,
        handler="index.handler",
        code=lambda_.Code.from_asset(os.path.join(os.path.dirname(__file__), "lambda", "orders")),
    )
    ```
    with the code moved to `lambda/orders/index.py` beside the stack file (and `import os` added).

    ## Fix safety
    The function keeps its code, file name (`index.py`/`index.js`) and handler, but the code
    then deploys as an asset: CloudFormation updates the function's code from the asset bucket
    (a new version is published where versions are used), and synthesis needs the new file. The
    fix also adds a file to the repository. It is therefore **unsafe** (applied with
    `--unsafe-fixes`). The asset path is built from `__file__`, so it holds whatever folder
    `cdk synth` or a test runs from. The new file is never written over an existing one (the
    whole fix of that stack is then refused).

    Reported, not moved: code built at synth time (f-strings, concatenations with variables,
    `.format`), code that uses `cfnresponse` / `cfn-response` (CloudFormation provides those
    modules to inline code only), Python code that does not compile, functions whose runtime
    or handler cannot be read (`handler` must be `index.<function>`), code not passed straight to
    a function's `code=`, and stacks that already keep an asset in `lambda` itself (the new
    folder would be bundled into it). Code in a variable used nowhere else is moved and the
    variable removed.

    ## Options
    `max-lines` (default `3`): the most non-blank lines inline code may have.
    """

    code, name, tier = "CDK505", "inline-lambda-code", Tier.UNSAFE
    summary = "Lambda code longer than a few lines belongs in a file"
    triggers = ("from_inline", "InlineCode")
    options: dict[str, Any] = {"max-lines": 3}
    changelog = "Move the inline code of {count} Lambda {noun} to files"
    noun = ("function", "functions")

    def check_module(self, ctx: FileContext) -> Iterator[Finding]:
        taken = _asset_names(ctx)
        for call in ctx.calls_of(INLINE):
            yield from self._check(ctx, call, taken)

    def _check(self, ctx: FileContext, call: ConstructCall, taken: set[str]) -> Iterator[Finding]:
        argument = call.positional(0) if call.positional(0) is not None else call.value("code")
        if argument is None:
            return
        source, variable = _source(ctx, argument, call.node)
        code = source if isinstance(source, str) else _literal_text(source)
        lines = sum(1 for line in code.splitlines() if line.strip())
        limit = self.settings.get("max-lines", 3)
        if lines <= limit:
            return
        shown = f"inline Lambda code of {lines} lines (more than {limit})"
        if not isinstance(source, str):
            yield self.finding(call, f"{shown} is built at synth time: move it to a file and load it with "
                                     "Code.from_asset", tier=Tier.REPORT)
            return
        reason, file_name, folder, function = _destination(ctx, call, source, taken)
        if reason is not None or function is None:
            yield self.finding(call, f"{shown}; not moved: {reason}", tier=Tier.REPORT)
            return
        taken.add(folder)
        path = f'os.path.join(os.path.dirname(__file__), "lambda", "{folder}")'
        edit = function.set_keyword("code", f"`aws_cdk.aws_lambda.Code`.from_asset({path})")
        edit.imports = [*edit.imports, "import os"]
        text = source.lstrip("\r\n")  # the blank line after an opening triple quote
        edit.files = {f"lambda/{folder}/{file_name}": text if text.endswith("\n") else text + "\n"}
        edits = [edit]
        if variable is not None:
            edits.append(ctx.remove_statement(variable))
        yield self.finding(call, f"{shown}: move it to lambda/{folder}/{file_name} and load it with "
                                 "Code.from_asset; unsafe: the function's code then deploys as an asset "
                                 "(updated from the asset bucket, a new version where versions are used)",
                           fix=Fix(edits))


def _source(ctx: FileContext, argument: cst.BaseExpression,
            at: cst.CSTNode) -> tuple[str | cst.BaseExpression, cst.CSTNode | None]:
    """The code as text when it is a literal (also ``textwrap.dedent`` of one, or a variable
    assigned one literal and read only here: then also its assignment), else the expression."""
    variable = None
    if isinstance(argument, cst.Name) and not ctx.scopes.rebound_at(argument):
        values = ctx.assigned_values(argument, at)
        reads = [r for r in ctx.references.get(argument.value, ()) if not isinstance(ctx.parent(r), cst.AssignTarget)]
        if len(values) == 1 and len(reads) == 1:
            variable, argument = values[0], values[0]
    text = literal_value(argument)
    if isinstance(text, str):
        return text, variable
    if isinstance(argument, cst.Call) and len(argument.args) == 1 and argument.args[0].keyword is None \
            and ctx.module.code_for_node(argument.func) in ("textwrap.dedent", "dedent"):
        inner = literal_value(argument.args[0].value)
        if isinstance(inner, str):
            return textwrap.dedent(inner), variable
    return argument, None


def _literal_text(node: cst.BaseExpression) -> str:
    """The literal parts of code built at synth time (to count its lines)."""
    parts = [str(n.evaluated_value) if isinstance(n, cst.SimpleString) else n.value.replace("\\n", "\n")
             for n in m.findall(node, m.SimpleString() | m.FormattedStringText())]
    return "".join(parts)  # type: ignore[arg-type]


def _destination(ctx: FileContext, call: ConstructCall, source: str,
                 taken: set[str]) -> tuple[str | None, str, str, ConstructCall | None]:
    """(why not, file name, folder name, the function): where the code goes, or why it stays."""
    arg = ctx.parent(call.node)
    function = ctx.parent(arg) if isinstance(arg, cst.Arg) and arg.keyword is not None \
        and arg.keyword.value == "code" else None
    q = ctx.call_qualname(function) if isinstance(function, cst.Call) else None
    if q not in FUNCTIONS:
        return "the code is not passed straight to a Lambda function's code=", "", "", None
    fn = ConstructCall(ctx, function, q)  # type: ignore[arg-type]
    runtime = fn.value_qualname("runtime") or ""
    family = next((f for f in FILE_NAMES if runtime.rpartition(".")[2].startswith(f)), None)
    handler = fn.literal("handler")
    if family is None or not runtime.startswith("aws_cdk.aws_lambda.Runtime."):
        return "the function's runtime cannot be read (Python or Node.js)", "", "", None
    if not (isinstance(handler, str) and handler.startswith("index.")):
        return "its handler is not `index.<function>` (inline code runs as index.*)", "", "", None
    if INLINE_ONLY_MODULES.search(source):
        return "it uses cfn-response, which CloudFormation provides to inline code only", "", "", None
    if family == "PYTHON":
        try:
            compile(source, "index.py", "exec")
        except SyntaxError as exc:
            return f"the code does not compile (SyntaxError on its line {exc.lineno})", "", "", None
        except ValueError:
            return "the code does not compile", "", "", None
    if "" in taken:
        return "this file already loads an asset from the folder `lambda` itself", "", "", None
    words = words_of(fn.construct_id or (fn.binding or "").rsplit(".", 1)[-1])
    base = "_".join(w.lower() for w in words) or "handler"
    base = base if base[0].isalpha() else f"fn_{base}"
    folder, n = base, 2
    while folder in taken:
        folder, n = f"{base}_{n}", n + 1
    return None, FILE_NAMES[family], folder, fn


def _asset_names(ctx: FileContext) -> set[str]:
    """Folders under ``lambda`` the file already loads assets from (``""``: ``lambda`` itself)."""
    out = set()
    for call in ctx.calls_of(("aws_cdk.aws_lambda.Code.from_asset", "aws_cdk.aws_lambda.AssetCode")):
        text = " ".join(str(literal_value(n)) for n in m.findall(call.node, m.SimpleString()))  # type: ignore[arg-type]
        parts = [p for p in re.split(r"[\s/\\]+", text) if p not in ("", ".")]
        if "lambda" in parts:
            following = parts[parts.index("lambda") + 1:]
            out.add(following[0] if following else "")
    return out
