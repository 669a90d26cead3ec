from __future__ import annotations

import re
from typing import Iterator

import libcst as cst

from remediator.analysis.bindings import classes_deriving_from
from remediator.analysis.cdk_facts import CONSTRUCT_BASES
from remediator.analysis.comments import comments_by_line
from remediator.analysis.context import FileContext, literal_value
from remediator.analysis.rule import Finding, Rule, Tier

#: (what it is, pattern, what happens if it is deployed)
PLACEHOLDERS = (
    ("domain", re.compile(r"(?i)(?:^|[^\w-])(?:[\w-]+\.)*(?:example\.(?:com|org|net|edu)|(?:your|my)-?(?:domain|company|"
                          r"site|website|app|org)\.(?:com|org|net|io))(?![\w-])"),
     "certificates for it never validate (the deployment waits) and names on it lead nowhere"),
    ("account id", re.compile(r"(?<!\d)(?:123456789012|111122223333)(?!\d)"), "it is the documentation's account, "
                                                                              "not yours"),
    ("value", re.compile(r"(?i)placeholder|change[-_ ]?me\b|replace[-_ ]?(?:me\b|with)|\byour[-_ ][a-z0-9]|"
                         r"<(?:your|my|insert|enter|put|replace)\b[^<>]*>|(?<![a-z0-9])x{4,}(?![a-z0-9])"),
     "it deploys as written"),
    ("value", re.compile(r"\byour(?=[A-Z])|\bYOUR_|<[A-Z][A-Z0-9_]+>|\b(?:TODO|FIXME|TBD|XXX)\b"),
     "it deploys as written"),
)
#: a comment that marks the literal on its line as one to fill in
MARKED = re.compile(r"(?i)\b(?:TODO|FIXME)\b|replace (?:this |it |me )?with|change (?:this|me)\b|fill in")
#: free text and code, where such words are prose, not values
_PROSE = re.compile(r"description|comment|reason|message|display_name|documentation|summary|code|command|user_data|"
                    r"script|body|content|template")
#: callables whose arguments are content or code (inline Lambda code, files written to S3, user data)
_CONTENT_CALLS = {"from_inline", "InlineCode", "data", "json_data", "yaml_data", "add_commands", "from_object",
                  "from_string", "custom", "from_json", "from_yaml"}
_TEST_FILE = re.compile(r"(?:^|/)(?:tests?/|test_[^/]*\.py$|[^/]*_test\.py$|conftest\.py$)")


class PlaceholderValue(Rule):
    """
    ## What it does
    Finds placeholder values left in arguments of aws-cdk-lib calls: example domains
    (`example.com`, `yourdomain.com`), the documentation's account ids (`123456789012`,
    `111122223333`), and values such as `placeholder`, `changeme`, `your-bucket`, `YOUR_ACCOUNT_ID`,
    `<your-account-id>`, `subnet-xxxxxxxx`, `TODO` — written in the call, in a list or dict
    given to it, or in a variable or module constant passed to it — and literals whose line
    comment says to replace them (`owner="github_user",  # TODO: replace with your user`); also
    in the arguments of the file's own stacks and constructs (`SiteStack(app, "Site",
    domain="example.com")`). The finding names the resource and the keyword
    (`Secret 'ApiSecret', secret_string_value`).

    ## Why is this bad?
    The stack deploys the placeholder as written: an ACM certificate for `example.com` never
    validates, so the deployment waits until it times out; a secret holds `placeholder-key`; an
    alarm mails `admin@example.com`; a role trusts an account that is not yours.

    ## Example
    ```python
    acm.Certificate(self, "SiteCert", domain_name="example.com")
    ```
    Use instead:
    ```python
    acm.Certificate(self, "SiteCert", domain_name=self.node.try_get_context("domain"))
    ```

    ## Fix safety
    Report only: the real value is not in the code. Not checked, to keep findings precise:
    comments and docstrings themselves, descriptions and other prose (`description=`,
    `alarm_description=`, `display_name=`...), inline code and file contents
    (`Code.from_inline`, `Source.data`, user data commands), construct ids, strings over 200
    characters or with line breaks, calls of other libraries — and test files (`tests/`,
    `test_*.py`, `*_test.py`, `conftest.py`), where example values are deliberate fixtures.
    """

    code, name, tier = "CDK209", "placeholder-value", Tier.REPORT
    summary = "Placeholder values must not be deployed"
    triggers = ()

    def check_module(self, ctx: FileContext) -> Iterator[Finding]:
        if _TEST_FILE.search(ctx.path.replace("\\", "/")):
            return
        comments = _MarkedComments(ctx)
        seen: set[int] = set()
        local = {c.name.value for c in classes_deriving_from(ctx.classes, ctx.qualname, lambda q: q in CONSTRUCT_BASES)}
        for call in ctx.calls:
            q = ctx.call_qualname(call)
            if q is None and isinstance(call.func, cst.Name) and call.func.value in local:
                q = call.func.value  # a stack or construct of the file: its arguments reach aws-cdk-lib
            elif q is None or not q.startswith("aws_cdk.") or q.rsplit(".", 1)[-1] in _CONTENT_CALLS:
                continue
            positional = [a for a in call.args if a.keyword is None and not a.star]
            for arg in call.args:
                if (arg.keyword is not None and _PROSE.search(arg.keyword.value)) or \
                        (len(positional) > 1 and arg is positional[1] and q.rsplit(".", 1)[-1][:1].isupper()):
                    continue  # prose, or a construct id
                for string, via, anchor in _strings(ctx, arg.value, call):
                    if id(string) in seen:
                        continue
                    found = _placeholder(ctx, string, comments)
                    if found is None:
                        continue
                    seen.add(id(string))
                    what, text, why = found
                    if what == "domain" and "@" in text:
                        what, why = "address", "mail sent to it reaches no one you know"
                    yield self.finding(arg, f"placeholder {what} \"{text}\"{via} in {_where(ctx, anchor, call)}: "
                                            f"{why}; put the real value there (or read it from context)")


def _strings(ctx: FileContext, value: cst.BaseExpression, at: cst.CSTNode
             ) -> Iterator[tuple[cst.CSTNode, str, cst.CSTNode]]:
    """String literals in an argument (itself, inside lists and dict values, or bound to the name
    it is), without descending into calls, which are checked on their own; with how the string
    got there and the node of the argument it stands for."""
    if isinstance(value, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)):
        yield value, "", value
    elif isinstance(value, (cst.List, cst.Tuple, cst.Set)):
        for element in value.elements:
            yield from _strings(ctx, element.value, at)
    elif isinstance(value, cst.Dict):
        for element in value.elements:
            if isinstance(element, cst.DictElement):
                yield from _strings(ctx, element.value, at)
    elif isinstance(value, cst.Name) and not ctx.scopes.rebound_at(value):
        bound = ctx.assigned_values(value, at) or [
            b.value for b in ctx.assignments if b.target == value.value and b.scope is ctx.module]
        if len(bound) == 1 and isinstance(bound[0], (cst.SimpleString, cst.ConcatenatedString)):
            yield bound[0], f" (from `{value.value}`, line {ctx.position(bound[0])[0]})", value


class _MarkedComments:
    """The file's comments that ask for a value to be replaced (TODO, "replace with"...), by line;
    read only when a string needs them (tokenizing and positions cost more than the rule)."""

    def __init__(self, ctx: FileContext) -> None:
        self.ctx, self._lines = ctx, None

    def on_line_of(self, node: cst.CSTNode) -> str | None:
        if self._lines is None:
            self._lines = {n: c for n, c in comments_by_line(self.ctx).items() if MARKED.search(c)} \
                if "#" in self.ctx.source else {}
        return self._lines.get(self.ctx.position(node)[0]) if self._lines else None


def _placeholder(ctx: FileContext, string: cst.CSTNode, comments: _MarkedComments) -> tuple[str, str, str] | None:
    """(what, the text, what deploying it does) for a placeholder, else None."""
    if isinstance(string, cst.FormattedString):
        text = "".join(p.value if isinstance(p, cst.FormattedStringText) else "{}" for p in string.parts)
    else:
        text = literal_value(string)  # type: ignore[arg-type]
    if not isinstance(text, str) or "\n" in text or len(text) > 200:
        return None
    for what, pattern, why in PLACEHOLDERS:
        if pattern.search(text):
            return what, text, why
    comment = comments.on_line_of(string)
    if comment is not None:
        return "value", text, f"its comment says to replace it (\"{comment}\")"
    return None


def _where(ctx: FileContext, anchor: cst.CSTNode, call: cst.Call) -> str:
    """``Secret 'ApiSecret', secret_string_value``: the construct (with its id) that the literal
    is an argument of, however deep, and the keywords on the way down."""
    keywords: list[str] = []
    inner: list[str] | None = None  # the keywords inside ``call``
    for node in [anchor, *ctx.ancestors(anchor)]:
        if isinstance(node, cst.Arg) and node.keyword is not None:
            keywords.append(node.keyword.value)
        if node is call:
            inner = list(keywords)
        if isinstance(node, cst.Call) and inner is not None:
            positional = [a.value for a in node.args if a.keyword is None and not a.star]
            cid = literal_value(positional[1]) if len(positional) > 1 else None
            if isinstance(cid, str):
                parts = _callee(ctx, node).split(".")
                kind = parts[-1] if parts[-1][:1].isupper() else ".".join(parts[-2:])  # Bucket, Vpc.from_lookup
                return f"{kind} {cid!r}" + (f", {'.'.join(reversed(keywords))}" if keywords else "")
    return _callee(ctx, call) + (f", {'.'.join(reversed(inner or []))}" if inner else "")


def _callee(ctx: FileContext, call: cst.Call) -> str:
    """``aws_sns_subscriptions.EmailSubscription``, ``Environment``, ``SiteStack`` (a class of the file)."""
    q = ctx.call_qualname(call)
    return ctx.module.code_for_node(call.func) if q is None else q.removeprefix("aws_cdk.")
