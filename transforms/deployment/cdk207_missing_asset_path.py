from __future__ import annotations

import os
from typing import Iterator

import libcst as cst

from remediator.analysis import edits as E
from remediator.analysis.context import FileContext, literal_value
from remediator.analysis.imports import dotted_name
from remediator.analysis.rule import Finding, Rule, Tier
from remediator.source.cdk_app import path_exists

#: static methods that read a local file or folder at synth (``Code.from_asset``, ``Source.asset``,
#: ``DefinitionBody.from_file``, ``ContainerImage.from_asset``, ``Code.from_docker_build``...)
ASSET_METHODS = frozenset({"asset", "from_asset", "from_asset_image", "from_image_asset", "from_local_asset",
                           "from_code_asset", "from_file", "from_docker_build", "from_directory", "from_zip_file"})
#: the parameter that names the path, whatever the callable calls it
PATH_PARAMETERS = frozenset({"path", "directory", "file", "file_path", "entry", "input_path", "source_path",
                             "tarball_file", "file_name", "directory_path"})
#: constructs outside aws-cdk-lib's index (alpha modules) and the keyword of their path
OTHER_CONSTRUCTS = {"aws_cdk.aws_lambda_python_alpha.PythonFunction": "entry",
                    "aws_cdk.aws_lambda_python_alpha.PythonLayerVersion": "entry",
                    "aws_cdk.aws_lambda_go_alpha.GoFunction": "entry"}
_FILE_FOLDER = ("os.path.dirname", "path.dirname")


class MissingAssetPath(Rule):
    """
    ## What it does
    Finds asset paths that do not exist: a literal path given to `lambda_.Code.from_asset`,
    `s3_deployment.Source.asset`, `ecs.ContainerImage.from_asset`, `DockerImageCode.from_image_asset`,
    `DefinitionBody.from_file`, `s3_assets.Asset(path=)`, `ecr_assets.DockerImageAsset(directory=)`,
    `NodejsFunction(entry=)` and every other aws-cdk-lib asset method or class (found through the
    API), or `os.path.join(os.path.dirname(__file__), "...")`. A relative path is looked up
    where CDK looks it up, in the app's folder (the folder of `cdk.json`, where `cdk` runs the
    app); without a `cdk.json`, beside the file. `__file__`-based paths are looked up beside the
    file.

    ## Why is this bad?
    Synth fails with "Cannot find asset at ..." (or the Docker build finds no context), so
    nothing deploys. Assistant-written stacks often point at a `lambda/` folder they never
    wrote, or at a path relative to the stack's module rather than to the app.

    ## Example
    ```python
    lambda_.Function(self, "Api", **props, code=lambda_.Code.from_asset("/home/ada/app/lambda"))
    ```
    Use instead:
    ```python
    here = os.path.dirname(__file__)
    lambda_.Function(self, "Api", **props, code=lambda_.Code.from_asset(os.path.join(here, "lambda")))
    ```

    ## Fix safety
    Report only: the rule cannot write the missing code. The message names the path it looked
    for and where; when the path exists beside the file instead, it says to build the path from
    `__file__`. Paths computed from other values are not checked, nor is anything when the
    file's location is unknown. Absolute paths are checked as they are, and rarely work on
    another machine.
    """

    code, name, tier = "CDK207", "missing-asset-path", Tier.REPORT
    summary = "Asset paths must exist"
    triggers = ("asset", "Asset", "from_file", "entry", "from_docker_build", "from_directory")

    def check_module(self, ctx: FileContext) -> Iterator[Finding]:
        file_folder = None
        if ctx.project_root is not None or os.path.isabs(ctx.path):
            file_folder = os.path.dirname(os.path.join(ctx.project_root or "", ctx.path))
        for call in ctx.calls:
            arg = _path_argument(ctx, call)
            found = _path_of(ctx, arg.value, call) if arg is not None else None
            if found is None:
                continue
            beside_file, rel = found
            app_relative = not beside_file and ctx.app.folder is not None and not os.path.isabs(rel)
            folder = ctx.app.folder if app_relative else file_folder
            if os.path.isabs(rel):
                folder, where = "/", "on this machine (an absolute path only works where it was written)"
            else:
                where = "in the app's folder (where cdk.json is)" if app_relative else "beside this file"
            if folder is None or path_exists(folder, rel):
                continue
            hint = ""
            if app_relative and file_folder is not None and path_exists(file_folder, rel):
                hint = (f"; it exists beside this file, but CDK reads relative paths from the app's folder: use "
                        f"os.path.join(os.path.dirname(__file__), \"{rel}\")")
            yield self.finding(arg, f"asset path \"{rel}\" does not exist {where}: synth fails (\"Cannot find "
                                    f"asset\"){hint}")


def _path_argument(ctx: FileContext, call: cst.Call) -> cst.Arg | None:
    """The argument of an aws-cdk-lib asset method or class that names a local path."""
    q = ctx.call_qualname(call)
    if q is None or not q.startswith("aws_cdk."):
        return None
    if q in OTHER_CONSTRUCTS:
        return E.get_keyword(call, OTHER_CONSTRUCTS[q])
    owner, _, name = q.rpartition(".")
    api = ctx.api
    if name in ASSET_METHODS and api.has_type(owner):
        method = api.method(owner, name)
        params = method.params if method is not None and method.static else None
    elif api.is_class(q) and ("Asset" in name or q == "aws_cdk.aws_lambda_nodejs.NodejsFunction"):
        params = api.constructor(q)
    else:
        return None
    param = next((p for p in params or () if p.name in PATH_PARAMETERS and p.type == "str"), None)
    if param is None:
        return None
    arg = E.get_keyword(call, param.name)
    if arg is not None or param.keyword_only:
        return arg
    index = [p for p in params or () if not p.keyword_only].index(param)
    positional = [a for a in call.args if a.keyword is None and not a.star]
    return positional[index] if index < len(positional) else None


def _path_of(ctx: FileContext, value: cst.BaseExpression, at: cst.CSTNode) -> tuple[bool, str] | None:
    """(beside the file?, path) for a literal path, or ``os.path.join(<the file's folder>, "a", "b")``
    (the folder written out or bound to a name first); None for anything computed."""
    literal = literal_value(value)
    if isinstance(literal, str):
        return (False, literal) if literal else None
    if not (isinstance(value, cst.Call) and dotted_name(value.func) in ("os.path.join", "path.join") and value.args):
        return None
    parts = [literal_value(a.value) for a in value.args[1:]]
    if any(a.star for a in value.args) or not all(isinstance(p, str) for p in parts) or \
            not _is_file_folder(ctx, value.args[0].value, at):
        return None
    return True, os.path.join(*parts) if parts else "."


def _is_file_folder(ctx: FileContext, value: cst.BaseExpression, at: cst.CSTNode) -> bool:
    """``os.path.dirname(__file__)`` (of ``os.path.abspath`` / ``realpath(__file__)``), or a name
    bound once to it, in the function or the module."""
    if isinstance(value, cst.Name):
        bound = ctx.assigned_values(value, at) or [
            b.value for b in ctx.assignments if b.target == value.value and b.scope is ctx.module]
        return len(bound) == 1 and _is_file_folder(ctx, bound[0], at)
    if not (isinstance(value, cst.Call) and dotted_name(value.func) in _FILE_FOLDER and len(value.args) == 1):
        return False
    inner = value.args[0].value
    if isinstance(inner, cst.Call) and dotted_name(inner.func) in ("os.path.abspath", "os.path.realpath") and inner.args:
        inner = inner.args[0].value
    return isinstance(inner, cst.Name) and inner.value == "__file__"

