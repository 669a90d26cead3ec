"""The aws-cdk-lib API, as ground truth for the CDK1xx rules.

Rules reach it as ``ctx.api`` (:attr:`remediator.context.FileContext.api`), which calls
:func:`get_index`. The index is built from the jsii assembly that every aws-cdk-lib wheel ships
(``aws_cdk/_jsii/aws-cdk-lib@VERSION.jsii.tgz``, member ``package/.jsii.gz``) plus the constructs
assembly, in **Python names** (jsii-pacmak's snake_case; checked against the generated Python).

Where the assembly comes from (first hit wins): ``--cdk-python PATH`` (environment variable
``REMEDIATOR_CDK_PYTHON``; the runner passes it to rules as the ``cdk-python`` setting), else the ``cdk-python`` setting (an interpreter, venv or
site-packages; relative to the project root); the interpreter running remediator; ``.venv``/``venv`` in
the project root; else the index bundled in ``remediator/data/`` (aws-cdk-lib 2.275.0). A built
index is cached per version in ``platformdirs.user_cache_dir("remediator")`` (override with the
``REMEDIATOR_CACHE_DIR`` environment variable).

Interface (:class:`ApiIndex`; qualified names are Python's: ``aws_cdk.aws_s3.Bucket``,
``aws_cdk.Stack``, ``aws_cdk.aws_s3.CfnBucket.LifecycleConfigurationProperty``,
``constructs.Construct``; members include everything inherited from bases and interfaces)::

    api = ctx.api                        # or get_index(cdk_python, project_root)
    api.version                          # "2.275.0"
    api.source                           # "aws-cdk-lib 2.275.0 (this interpreter: /…/site-packages)"
    api.modules                          # frozenset: "aws_cdk", "aws_cdk.aws_s3", "constructs", …
    api.module_exists("aws_cdk.aws_elbv2")                 # False
    api.expired_feature_flags            # ("@aws-cdk/aws-kms:defaultKeyPolicies", …) from cx-api
    api.bundled                          # True when no aws-cdk-lib was found (the shipped 2.275.0 index)
    api.site_packages                    # where that aws-cdk-lib is installed (None: bundled index)
    api.kind(q)                          # "class" | "interface" | "struct" | "enum" | None
    api.has_type(q); api.is_class(q); api.is_enum(q); api.is_struct(q); api.is_interface(q)
    api.module_of(q); api.types_in("aws_cdk.aws_s3"); api.nested_types(q)
    api.modules_defining("SnsAction")    # ["aws_cdk.aws_cloudwatch_actions", …] (top-level types)
    api.bases(q); api.ancestors(q); api.is_subtype(q, "aws_cdk.Stack")
    api.constructor(q)                   # tuple[Param] (scope, id, then props as keyword-only) | None
    api.constructor_keywords(q)          # {"versioned": Param(required=False, type="bool", …), …}
    api.struct_fields("aws_cdk.aws_s3.BucketProps")        # {name: Param} incl. parent structs
    api.methods(q) / api.method(q, "grant_read")           # Method(params, returns, static, deprecated, owner)
    api.method(q, m).keywords / .required                  # trailing struct expanded to keywords
    api.static_methods(q)                # e.g. Duration.days, Code.from_asset
    api.properties(q) / api.property(q, name)              # Property(type, optional, static, readonly, …)
    api.enum_members("aws_cdk.aws_logs.RetentionDays")     # ["ONE_DAY", …, "ONE_MONTH", …]
    api.attributes(q); api.has_attribute(q, name)          # every name valid after "q." (or a module)
    api.deprecation(q) / api.deprecation(q, member)        # jsii note or None
    api.deprecated_keywords(q)           # {"point_in_time_recovery": "use `pointInTimeRecoverySpecification` instead"}
    api.resolve("aws_cdk.aws_logs.RetentionDays.ONE_MONTH")  # ("member", owner) / ("type", q) / ("module", q) / None
    api.exists(dotted)                   # module, type or member

``Param(name, type, required, keyword_only, variadic, deprecated)``; types are strings: a
qualified name, ``str``/``bool``/``number``/``any``/``date``/``json``, ``list[T]``,
``dict[str, T]`` or ``A | B``. Deprecation notes are jsii's text (they name replacements in
TypeScript spelling: use :func:`remediator.api.build.snake_case` to turn ``pointInTimeRecoverySpecification``
into the Python keyword).
"""

from __future__ import annotations

import os
import threading
from importlib import resources
from typing import Any

from remediator.api import build as _build
from remediator.api import locate
from remediator.api.build import FORMAT, snake_case
from remediator.api.index import ApiIndex, Method, Param, Property, encode

__all__ = ["ApiIndex", "Method", "Param", "Property", "get_index", "describe_api_source", "api_origin",
           "load_bundled", "build_index", "BUNDLED_VERSION", "CDK_PYTHON_ENV", "snake_case"]

#: the aws-cdk-lib version of the index shipped in remediator/data/
BUNDLED_VERSION = "2.275.0"
BUNDLED_FILE = f"api-aws-cdk-lib-{BUNDLED_VERSION}.idx"

#: environment variable the command line reads as ``--cdk-python`` (it wins over the ``cdk-python`` setting)
CDK_PYTHON_ENV = "REMEDIATOR_CDK_PYTHON"

_lock = threading.Lock()
_cache: dict[tuple[str | None, str | None], ApiIndex] = {}


def bundled_bytes() -> bytes:
    return resources.files("remediator").joinpath("data", BUNDLED_FILE).read_bytes()


def load_bundled() -> ApiIndex:
    """The index shipped with remediator (used when no aws-cdk-lib is installed)."""
    index = ApiIndex(bundled_bytes(), f"aws-cdk-lib {BUNDLED_VERSION} (bundled index: no aws-cdk-lib found)")
    index.bundled = True
    return index


def build_data(assembly: locate.Assembly) -> dict[str, Any]:
    extra = (assembly.constructs_tgz,) if assembly.constructs_tgz else ()
    return _build.build(assembly.tgz, extra)


def build_index(assembly: locate.Assembly, use_cache: bool = True) -> ApiIndex:
    """The index of an installed aws-cdk-lib: from the cache when present, else built and cached."""
    where = os.path.dirname(os.path.dirname(os.path.dirname(assembly.tgz)))
    source = f"aws-cdk-lib {assembly.version} ({assembly.found_by}: {where})"
    path = locate.cache_path(assembly.version, FORMAT, locate.constructs_version(assembly.constructs_tgz))
    index = None
    if use_cache:
        try:
            with open(path, "rb") as fh:
                index = ApiIndex(fh.read(), source)
        except (OSError, ValueError, KeyError):
            pass  # missing or unreadable: rebuild
    if index is None:
        raw = encode(build_data(assembly))
        if use_cache:
            try:
                locate.write_atomic(path, raw)
            except OSError:
                pass  # a read-only cache directory only costs time
        index = ApiIndex(raw, source)
    index.site_packages = where
    return index


def get_index(cdk_python: str | None = None, project_root: str | None = None) -> ApiIndex:
    """The API index for a run, loaded once per process (per ``cdk_python``/``project_root``)."""
    key = (cdk_python, project_root)
    index = _cache.get(key)
    if index is not None:
        return index
    with _lock:
        index = _cache.get(key)
        if index is None:
            assembly = locate.find_assembly(cdk_python, project_root)
            index = build_index(assembly) if assembly is not None else load_bundled()
            if cdk_python and (assembly is None or assembly.found_by != "--cdk-python"):
                index.source += f" [cdk-python {cdk_python}: no aws-cdk-lib found there]"
            _cache[key] = index
    return index


def describe_api_source(cdk_python: str | None = None, project_root: str | None = None) -> str:
    """Which aws-cdk-lib API a run uses, without building anything: for reports."""
    if (cdk_python, project_root) in _cache:
        return "API: " + _cache[(cdk_python, project_root)].source
    version, found_by, where = api_origin(cdk_python, project_root)
    return f"API: aws-cdk-lib {version} ({found_by}: {where})" if found_by else f"API: aws-cdk-lib {version} ({where})"


def api_origin(cdk_python: str | None = None, project_root: str | None = None) -> tuple[str, str | None, str]:
    """(aws-cdk-lib version, how it was found or None for the bundled index, where it is read
    from), without building anything: for ``--version`` and reports."""
    assembly = locate.find_assembly(cdk_python, project_root or os.getcwd())
    if assembly is None:
        return BUNDLED_VERSION, None, "bundled index"
    return assembly.version, assembly.found_by, os.path.dirname(os.path.dirname(os.path.dirname(assembly.tgz)))
