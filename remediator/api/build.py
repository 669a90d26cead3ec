"""Build the index data from a jsii assembly (and the cx-api feature flags of aws-cdk-lib).

The output is plain JSON-able data (dicts, lists, strings, ints) in Python names, small enough to
cache and to ship; :class:`remediator.api.index.ApiIndex` answers questions about it.

Layout (``FORMAT`` 3)::

    {"format": 3, "version": "2.275.0", "modules": [python module names...],
     "expired_feature_flags": [...],
     "types": {"aws_cdk.aws_s3.Bucket": record, ...}}

    record: {"k": kind ("class" | "interface" | "struct" | "enum"),
             "b": [bases: the base class first (classes), then implemented/extended interfaces],
             "a": 1 if abstract, "d": deprecation message (only when deprecated),
             "i": constructor parameters (classes with a public constructor),
             "m": {method: [parameters, return type, flags, deprecation or ""]},  flags: 1 static
             "p": {property: [type, flags, deprecation or ""]},  flags: 1 optional, 2 static, 4 read-only
             "e": [enum members], "ed": {member: deprecation}}
    parameter: [python name, type, flags]   flags: 1 optional, 2 variadic

Types are strings: a qualified Python name (``aws_cdk.aws_iam.IGrantable``), a primitive
(``str``, ``bool``, ``number``, ``any``, ``date``, ``json``), ``list[T]``, ``dict[str, T]``, or a
union ``A | B``.
"""

from __future__ import annotations

import gzip
import json
import keyword
import os
import re
import tarfile
from typing import Any

FORMAT = 3

_PRIMITIVES = {"string": "str", "boolean": "bool", "number": "number", "any": "any", "date": "date", "json": "json"}


def snake_case(name: str) -> str:
    """A jsii member name as jsii-pacmak writes it in Python (``grantRead`` -> ``grant_read``).

    jsii's codemaker first rewrites the unit abbreviations ``KiB``/``MiB``/``GiB`` (not followed by a lower-case
    letter: ``MiBps`` stays) to ``Kib``...,
    then decamelizes: split lower/digit -> capital, then split a run of capitals before a
    capitalized word (``HTTPSRedirect`` -> ``https_redirect``); digits stay attached
    (``arnForEC2Fleet`` -> ``arn_for_ec2_fleet``). Checked against every ``jsii_name`` of the
    generated Python of aws-cdk-lib (tests/test_api_index.py).
    """
    name = re.sub(r"([KMG])iB(?![a-z])", r"\1ib", name)
    s = re.sub(r"([a-z\d])([A-Z])", r"\1_\2", name)
    s = re.sub(r"([A-Z]+)([A-Z][a-z]+)", r"\1_\2", s)
    return python_identifier(s.lower())


def constant_name(name: str) -> str:
    """A jsii constant (static read-only property) in Python: ``snake_case(name).upper()``
    (``CST6CDT`` -> ``CST6_CDT``, ``executionId`` -> ``EXECUTION_ID``, ``LAMBDA`` -> ``LAMBDA_``)."""
    return snake_case(name).upper()


def python_identifier(name: str) -> str:
    """Reserved words get a trailing underscore (``lambda`` -> ``lambda_``), as jsii does."""
    return name + "_" if keyword.iskeyword(name) or name in ("self", "builtins") else name


def python_fqn(fqn: str, submodules: dict[str, str]) -> str:
    """``aws-cdk-lib.aws_s3.Bucket`` -> ``aws_cdk.aws_s3.Bucket``; ``constructs.Construct`` stays."""
    assembly, _, rest = fqn.partition(".")
    root = submodules.get(assembly)
    if root is None:
        return fqn
    return f"{root}.{rest}" if rest else root


def _type(ref: dict[str, Any] | None, submodules: dict[str, str]) -> str:
    if not ref:
        return "None"
    if "primitive" in ref:
        return _PRIMITIVES.get(ref["primitive"], ref["primitive"])
    if "fqn" in ref:
        return python_fqn(ref["fqn"], submodules)
    if "collection" in ref:
        col = ref["collection"]
        inner = _type(col["elementtype"], submodules)
        return f"list[{inner}]" if col["kind"] == "array" else f"dict[str, {inner}]"
    if "union" in ref:
        return " | ".join(_type(t, submodules) for t in ref["union"]["types"])
    if "intersection" in ref:
        return " & ".join(_type(t, submodules) for t in ref["intersection"]["types"])
    return "any"


def _deprecation(docs: dict[str, Any] | None) -> str:
    if not docs:
        return ""
    if "deprecated" in docs:
        return docs["deprecated"].strip() or "deprecated"
    if docs.get("stability") == "deprecated":
        return "deprecated"
    return ""


def _params(params: list[dict[str, Any]] | None, submodules: dict[str, str]) -> list[list[Any]]:
    out = []
    for p in params or ():
        flags = (1 if p.get("optional") else 0) | (2 if p.get("variadic") else 0)
        out.append([python_identifier(snake_case(p["name"])), _type(p.get("type"), submodules), flags])
    return out


def _member_name(member: dict[str, Any]) -> str:
    # jsii-pacmak keeps constants (static read-only, ALL_CAPS) as they are: ``Runtime.PYTHON_3_12``
    if member.get("const"):
        return constant_name(member["name"])
    name = snake_case(member["name"])
    # protected instance members get a leading underscore; protected static methods do not
    # (``codedeploy.BaseDeploymentConfig.from_deployment_config_name``)
    return "_" + name if member.get("protected") and not member.get("static") else name


def _record(t: dict[str, Any], submodules: dict[str, str]) -> dict[str, Any]:
    kind = t["kind"]
    rec: dict[str, Any] = {}
    if kind == "interface":
        rec["k"] = "struct" if t.get("datatype") else "interface"
    else:
        rec["k"] = kind
    bases = ([t["base"]] if t.get("base") else []) + list(t.get("interfaces", ()))
    if bases:
        rec["b"] = [python_fqn(b, submodules) for b in bases]
    if t.get("abstract"):
        rec["a"] = 1
    dep = _deprecation(t.get("docs"))
    if dep:
        rec["d"] = dep
    if kind == "enum":
        rec["e"] = [m["name"] for m in t.get("members", ())]
        deps = {m["name"]: _deprecation(m.get("docs")) for m in t.get("members", ())}
        deps = {k: v for k, v in deps.items() if v}
        if deps:
            rec["ed"] = deps
        return rec
    if kind == "class" and "initializer" in t:
        rec["i"] = _params(t["initializer"].get("parameters"), submodules)
    methods = {}
    for m in t.get("methods", ()):
        ret = _type((m.get("returns") or {}).get("type"), submodules)
        methods[_member_name(m)] = [_params(m.get("parameters"), submodules), ret,
                                          1 if m.get("static") else 0, _deprecation(m.get("docs"))]
    if methods:
        rec["m"] = methods
    props = {}
    for p in t.get("properties", ()):
        flags = (1 if p.get("optional") else 0) | (2 if p.get("static") else 0) | (4 if p.get("immutable") else 0)
        props[_member_name(p)] = [_type(p.get("type"), submodules), flags, _deprecation(p.get("docs"))]
    if props:
        rec["p"] = props
    return rec


def read_members(tgz_path: str, wanted: set[str]) -> dict[str, bytes]:
    """The named members of a .tgz, in one sequential pass (seeking in a gzip stream would
    decompress it again from the start: aws-cdk-lib's tgz unpacks to ~160 MB)."""
    out: dict[str, bytes] = {}
    with tarfile.open(tgz_path, "r|gz") as tar:
        for member in tar:
            if member.name in wanted:
                fh = tar.extractfile(member)
                if fh is not None:
                    out[member.name] = fh.read()
                if len(out) == len(wanted):
                    break
    return out


def _assembly_from(members: dict[str, bytes]) -> dict[str, Any]:
    """The jsii assembly (``package/.jsii``, usually redirected to ``package/.jsii.gz``)."""
    data = json.loads(members["package/.jsii"])
    if data.get("schema") == "jsii/file-redirect":
        raw = members["package/" + data["filename"]]
        return json.loads(gzip.decompress(raw) if data.get("compression") == "gzip" else raw)
    return data


def read_assembly(tgz_path: str) -> dict[str, Any]:
    return _assembly_from(read_members(tgz_path, {"package/.jsii", "package/.jsii.gz"}))


def _submodule_roots(assembly: dict[str, Any]) -> dict[str, str]:
    name = assembly["name"]
    root = assembly.get("targets", {}).get("python", {}).get("module", name.replace("-", "_"))
    roots = {name: root}
    for dep_name, dep in (assembly.get("dependencyClosure") or {}).items():
        module = dep.get("targets", {}).get("python", {}).get("module")
        if module:
            roots[dep_name] = module
    return roots


def build_from_assembly(assembly: dict[str, Any]) -> dict[str, Any]:
    roots = _submodule_roots(assembly)
    name = assembly["name"]
    modules = {roots[name]}
    for sub, info in (assembly.get("submodules") or {}).items():
        # Python module of a submodule: its python target, else the jsii name under the root
        py = info.get("targets", {}).get("python", {}).get("module")
        modules.add(py or python_fqn(sub, roots))
    types = {python_fqn(fqn, roots): _record(t, roots) for fqn, t in assembly["types"].items()}
    # jsii-pacmak generates no Python module for a submodule without types or submodules
    # (``aws-cdk-lib.assets``: "All types moved to @aws-cdk/core"): ``from aws_cdk import assets`` fails.
    prefixes = {q.rsplit(".", 1)[0] for q in types} | {m.rsplit(".", 1)[0] for m in modules}
    modules = {m for m in modules if m == roots[name] or m in prefixes}
    return {"format": FORMAT, "assembly": name, "version": assembly["version"], "modules": sorted(modules),
            "types": types}


# -- cx-api feature flags -------------------------------------------------------------------
_CONST = re.compile(r'exports\.([A-Z0-9_]+)="([^"]+)"')
_ALIAS = re.compile(r"exports\.([A-Z0-9_]+)=exports\.([A-Z0-9_]+)[,;]")
_ENTRY = re.compile(r"\[exports\.([A-Z0-9_]+)\]:\{")
_INTRODUCED = re.compile(r"introducedIn:\{([^{}]*)\}")
_CURRENT_MV = re.compile(r'exports\.CURRENT_MV="(v\d+)"')


def expired_feature_flags_from_js(source: str) -> list[str]:
    """The flags aws-cdk-lib rejects ("existed on CDKv1 but has been removed in CDKv2").

    aws-cdk-lib computes ``CURRENT_VERSION_EXPIRED_FLAGS`` in ``cx-api/lib/features.js`` as the
    entries of ``FLAGS`` whose ``introducedIn`` has no key for the current major version
    (``CURRENT_MV``); this reads the same table without running node.
    """
    mv = _CURRENT_MV.search(source)
    if mv is None or "CURRENT_VERSION_EXPIRED_FLAGS" not in source:
        raise ValueError("cx-api/lib/features.js: no CURRENT_MV / CURRENT_VERSION_EXPIRED_FLAGS")
    major = mv.group(1)
    consts = dict(_CONST.findall(source))
    for alias, target in _ALIAS.findall(source):
        if target in consts:
            consts.setdefault(alias, consts[target])
    start = source.find("exports.FLAGS={")
    if start < 0:
        raise ValueError("cx-api/lib/features.js: no FLAGS table")
    entries = list(_ENTRY.finditer(source, start))
    expired = []
    for i, m in enumerate(entries):
        end = entries[i + 1].start() if i + 1 < len(entries) else len(source)
        intro = _INTRODUCED.search(source, m.end(), end)
        if intro is None:
            continue
        keys = re.findall(r"(v\d+):", intro.group(1))
        if major not in keys:
            expired.append(consts[m.group(1)])
    return sorted(set(expired))


def build(tgz_path: str, extra_assemblies: tuple[str, ...] = ()) -> dict[str, Any]:
    """Index data for the aws-cdk-lib assembly at ``tgz_path`` (plus e.g. the constructs assembly)."""
    features_path = "package/cx-api/lib/features.js"
    members = read_members(tgz_path, {"package/.jsii", "package/.jsii.gz", features_path})
    data = build_from_assembly(_assembly_from(members))
    features = members.get(features_path)
    data["expired_feature_flags"] = expired_feature_flags_from_js(features.decode("utf-8")) if features else []
    for extra in extra_assemblies:
        other = build_from_assembly(read_assembly(extra))
        data["modules"] = sorted(set(data["modules"]) | set(other["modules"]))
        for k, v in other["types"].items():
            data["types"].setdefault(k, v)
        data.setdefault("extra_versions", {})[other["assembly"]] = other["version"]
    data["source"] = os.path.basename(tgz_path)
    return data
