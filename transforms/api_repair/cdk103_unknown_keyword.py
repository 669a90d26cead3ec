from __future__ import annotations

from typing import Iterator

import libcst as cst

from remediator.analysis import edits as E
from remediator.analysis.apitypes import (
    ApiView,
    Signature,
    api_view,
    call_signature,
    _tokens,
    candidates_text,
    close_names,
    infer_type,
    short,
    value_fits,
)
from remediator.analysis.api_check import call_params
from remediator.analysis.context import FileContext
from remediator.analysis.rule import Edit, Finding, Rule, Tier


#: Reviewed renames: (class whose keyword it is, subclasses included; wrong keyword) -> right keyword.
#: Each right name is checked against the index by tests/test_api_names.py (``suggested_names``).
KEYWORD_RENAMES: dict[tuple[str, str], str] = {
    ("aws_cdk.aws_rds.DatabaseInstance", "backup_window"): "preferred_backup_window",
    ("aws_cdk.aws_rds.DatabaseInstance", "maintenance_window"): "preferred_maintenance_window",
    ("aws_cdk.aws_rds.DatabaseCluster", "maintenance_window"): "preferred_maintenance_window",
    ("aws_cdk.aws_cloudtrail.Trail", "cloud_watch_logs_group"): "cloud_watch_log_group",
    ("aws_cdk.aws_s3.Bucket", "versioning"): "versioned",
    ("aws_cdk.aws_lambda.Function", "memory"): "memory_size",
}


def suggested_names() -> list[str]:
    """Every name the reviewed table can make CDK103 write (checked by tests/test_api_names.py)."""
    return [f"{owner}({new})" for (owner, _old), new in KEYWORD_RENAMES.items()]


def absent_names() -> list[str]:
    """The wrong side of the reviewed table: keywords the API must not have."""
    return [f"{owner}({old})" for (owner, old) in KEYWORD_RENAMES]


# ----------------------------------------------------------------------------------------------


class UnknownKeyword(Rule):
    """
    ## What it does
    Finds keyword arguments that an aws-cdk-lib constructor, static method or method (on a
    receiver whose type is known) does not accept, checked against the API index of the installed
    aws-cdk-lib: `rds.DatabaseInstance(backup_window=...)`, `cloudtrail.Trail(cloud_watch_logs_group=...)`,
    `cloudwatch.Alarm(period=...)`.

    ## Why is this bad?
    Python raises `TypeError: __init__() got an unexpected keyword argument` at synth: the app never
    deploys. AI-drafted stacks often guess property names (`backup_window` for
    `preferred_backup_window`) or put a property on the wrong construct (an alarm's `period` belongs
    to its metric).

    ## Example
    ```python
    rds.DatabaseInstance(self, "Db", engine=eng, vpc=vpc, backup_window="03:00-04:00")
    cloudtrail.Trail(self, "Trail", cloud_watch_logs_group=log_group)
    ```
    Use instead:
    ```python
    rds.DatabaseInstance(self, "Db", engine=eng, vpc=vpc, preferred_backup_window="03:00-04:00")
    cloudtrail.Trail(self, "Trail", cloud_watch_log_group=log_group)
    ```


    ## Fix safety
    Safe, and applied only when there is exactly one well-founded candidate: a reviewed rename, or
    the only accepted keyword with a close name whose type accepts the value given (each element of
    a list literal too; and a value of unknown type is not moved between an id/ARN/name keyword and
    one that takes the construct: `security_group_ids=ids` is no `security_groups`). Otherwise the
    finding lists the candidates (and, when another argument's type takes the keyword, says so: an
    `Alarm` has no `period`, its `metric` does). Calls with `**kwargs` spreads, calls of other
    packages and receivers of unknown type are left alone.
    """

    code, name, tier = "CDK103", "unknown-keyword", Tier.SAFE
    checks_api = True
    tier_note = "when unique"
    summary = "Keyword arguments must exist in the aws-cdk-lib API"
    triggers = ()
    changelog = "Rename {count} unknown {noun} to the aws-cdk-lib name"
    noun = ("keyword argument", "keyword arguments")

    def check_module(self, ctx: FileContext) -> Iterator[Finding]:
        view = api_view(ctx)
        if view is None:
            return
        for call in ctx.calls:
            if not any(a.keyword is not None for a in call.args) or any(a.star == "**" for a in call.args):
                continue
            sig = call_signature(ctx, view, call)
            if sig is None:
                continue
            given = {a.keyword.value for a in call.args if a.keyword is not None}
            for arg in call.args:
                if arg.keyword is None or arg.keyword.value in sig.keywords:
                    continue
                yield self._finding(ctx, view, call, arg, sig, given)

    def _finding(self, ctx: FileContext, view: ApiView, call: cst.Call, arg: cst.Arg, sig: Signature,
                 given: set[str]) -> Finding:
        wrong = arg.keyword.value  # type: ignore[union-attr]
        where = short(sig.owner)
        free = [n for n in sig.keywords if n not in given]
        reviewed = self._reviewed(view, sig, wrong)
        if reviewed is not None and reviewed in free and value_fits(ctx, view, arg.value, sig.keywords[reviewed]):
            candidates = [reviewed]
        else:
            known = infer_type(ctx, view, arg.value) is not None
            candidates = [n for n in close_names(wrong, free) if value_fits(ctx, view, arg.value, sig.keywords[n])
                          and (known or not _reference_swap(wrong, n))]
        if not candidates:
            twin = _required_twin(ctx, view, call, arg, given)
            candidates = [twin] if twin else []
        if len(candidates) == 1:
            new = candidates[0]
            return self.finding(arg, f"`{where}` takes no keyword `{wrong}`: use `{new}`",
                                fix=Edit.rename_keyword(call, wrong, new))
        message = f"`{where}` takes no keyword `{wrong}`"
        holder = _one_level_down(ctx, view, call, sig, wrong)
        if holder is not None and not candidates:
            param, how, field = holder
            return self.finding(arg, f"{message}: it belongs to `{param}` (`{param}={how}`)",
                                fix=Edit(call, replace=lambda n: _move_down(n, wrong, param, field)))
        elsewhere = self._belongs_to(view, sig, wrong)
        if elsewhere:
            message += "; " + elsewhere
        if candidates:
            message += f"; candidates: {candidates_text(candidates)}"
        elif not known and (refs := [n for n in close_names(wrong, free) if _reference_swap(wrong, n)]):
            message += "; " + "; ".join(f"`{n}` takes `{sig.keywords[n].replace('aws_cdk.', '')}`" for n in refs)
        elif not elsewhere:
            taken = [n for n in close_names(wrong, list(sig.keywords)) + [reviewed or ""] if n in given]
            if taken:
                message += f" ({candidates_text(taken)} already given)"
            elif not close_names(wrong, list(sig.keywords)):
                # nothing in aws-cdk-lib means it: only --unsafe-fixes removes it, and says so
                written = f"{wrong}={ctx.module.code_for_node(arg.value)}"
                return self.finding(arg, f"{message}, and aws-cdk-lib has no equivalent: remove `{written}` "
                                         "(with --unsafe-fixes; restore its intent by hand)",
                                    fix=Edit.remove_keyword(call, wrong), tier=Tier.UNSAFE,
                                    note=f"Remove `{written}` from `{where}` (aws-cdk-lib has no such property)")
        return self.finding(arg, message)

    @staticmethod
    def _reviewed(view: ApiView, sig: Signature, wrong: str) -> str | None:
        for (owner, old), new in KEYWORD_RENAMES.items():
            if old == wrong and owner in (view.closure(sig.owner) or ()):
                return new
        return None

    @staticmethod
    def _belongs_to(view: ApiView, sig: Signature, wrong: str) -> str:
        """``period`` is an argument of ``metric`` (``aws_cloudwatch.Metric``): where else the keyword fits."""
        places = []
        for param, ptype in sorted(sig.keywords.items()):
            for t in ptype.split(" | "):
                holders = []
                if view.kind(t) == "struct":
                    if wrong in _ctor_keywords(view, t):
                        holders.append(t)
                elif view.kind(t) in ("class", "interface"):
                    holders.extend(c for c in view.implementations(t) if wrong in _ctor_keywords(view, c))
                if holders:
                    text = f"`{wrong}` is an argument of `{param}` ({', '.join(f'`{short(h)}`' for h in holders)})"
                    withs = [view.method(h, "with_") for h in holders if view.kind(h) == "class"]
                    if withs and all(w is not None and wrong in w.keywords for w in withs):
                        text += f": `{param}.with_({wrong}=...)`"
                    places.append(text)
        return "; ".join(places[:2])


#: words that make a name a reference to a thing rather than the thing (``role_arn`` / ``role``)
_REFERENCE_WORDS = frozenset({"id", "ids", "arn", "name", "url", "uri"})


def _reference_swap(wrong: str, right: str) -> bool:
    """``security_group_ids`` vs ``security_groups``: the names differ by an id/ARN/name word, so
    the value (of unknown type) is probably a string where the keyword wants a construct."""
    return bool((set(_tokens(wrong)) ^ set(_tokens(right))) & _REFERENCE_WORDS)


def _ctor_keywords(view: ApiView, q: str) -> dict[str, str]:
    sig = view.constructor(q)
    return sig.keywords if sig is not None else {}


def _required_twin(ctx: FileContext, view: ApiView, call: cst.Call, arg: cst.Arg, given: set[str]) -> str | None:
    """The required parameter the call omits whose name ends with the wrong keyword's words
    (``CfnReplicationGroup(description=...)`` for ``replication_group_description``), when exactly
    one does and the value fits it."""
    found = call_params(ctx, call)
    if found is None:
        return None
    wrong = _tokens(arg.keyword.value)  # type: ignore[union-attr]
    positional = len([a for a in call.args if a.keyword is None])
    in_order = [p.name for p in found[1] if not p.keyword_only and not p.variadic][:positional]
    twins = [p for p in found[1] if p.required and p.name not in given and p.name not in in_order
             and _tokens(p.name)[-len(wrong):] == wrong and value_fits(ctx, view, arg.value, p.type)]
    return twins[0].name if len(twins) == 1 else None


def _one_level_down(ctx: FileContext, view: ApiView, call: cst.Call, sig: Signature,
                    wrong: str) -> tuple[str, str] | None:
    """The one parameter the keyword belongs in, as the call passes it: ``metric=m`` where ``m``'s
    ``with_`` takes it (``Alarm(metric=m, period=...)`` -> ``metric=m.with_(period=...)``), or an
    options struct written in the call (``task_image_options=...Options(...)``). None otherwise."""
    found = []
    for a in call.args:
        if a.keyword is None or a.keyword.value not in sig.keywords:
            continue
        value = a.value
        if isinstance(value, cst.Call) and view.kind(ctx.call_qualname(value) or "") == "struct":
            fields = _ctor_keywords(view, ctx.call_qualname(value))  # type: ignore[arg-type]
            name = _field_for(wrong, a.keyword.value, fields)
            given = {k.keyword.value for k in value.args if k.keyword is not None}
            if name is not None and name not in given and value_fits(ctx, view, E.get_keyword(call, wrong).value,  # type: ignore[union-attr]
                                                                     fields[name]):
                struct = ctx.call_qualname(value).rsplit('.', 1)[-1]  # type: ignore[union-attr]
                found.append((a.keyword.value, f"{struct}(..., {name}=...)", name))
            continue
        typ = infer_type(ctx, view, value)
        with_ = view.method(typ, "with_") if typ is not None and view.kind(typ) == "class" else None
        if with_ is not None and wrong in with_.keywords:
            found.append((a.keyword.value, f"{ctx.module.code_for_node(value)}.with_({wrong}=...)", wrong))
    return found[0] if len(found) == 1 else None


def _field_for(wrong: str, param: str, fields: dict[str, str]) -> str | None:
    """The field of ``param``'s options struct that ``wrong`` names: itself, or, when it is
    prefixed with the parameter's name, the rest (``backup_window`` on ``backup=BackupProps(...)``:
    ``preferred_window``, the struct's name for the window; ``backup_retention``: ``retention``)."""
    if wrong in fields:
        return wrong
    if not wrong.startswith(param + "_"):
        return None
    rest = wrong[len(param) + 1:]
    return next((n for n in (rest, "preferred_" + rest) if n in fields), None)


def _move_down(call: cst.CSTNode, wrong: str, param: str, field: str | None = None) -> cst.CSTNode:
    """Move ``wrong=value`` from ``call`` into the value of ``param`` (as ``field``, when the
    options struct names it otherwise): into its options call, or its ``with_(...)`` (added when
    the value has none yet)."""
    assert isinstance(call, cst.Call)
    value = E.get_keyword(call, wrong).value  # type: ignore[union-attr]
    holder = E.get_keyword(call, param).value  # type: ignore[union-attr]
    call = E.remove_keyword(call, wrong)
    is_with = isinstance(holder, cst.Call) and isinstance(holder.func, cst.Attribute) and holder.func.attr.value == "with_"
    if isinstance(holder, cst.Call) and (is_with or not isinstance(holder.func, cst.Attribute)
                                         or holder.func.attr.value[:1].isupper()):
        new_holder = E.set_keyword(holder, field or wrong, value)
    else:
        new_holder = cst.Call(func=cst.Attribute(holder, cst.Name("with_")), args=[E.make_arg(wrong, value)])
    return E.set_keyword(call, param, new_holder)
