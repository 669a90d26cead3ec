"""The queryable aws-cdk-lib API index, and its compact on-disk format.

On disk (the per-version cache and the bundled ``remediator/data/api-<version>.idx``) an index is
one zlib stream holding: a JSON header line (version, modules, expired feature flags...), the
qualified type names (one per line), a table of byte offsets (uint32) and one compact JSON record
per type (layout in :mod:`remediator.api.build`). Loading decompresses and splits the names;
records are decoded only when a rule asks about that type, so a run pays for what it uses.
"""

from __future__ import annotations

import json
import sys
import zlib
from array import array
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Iterable, Iterator

MAGIC = b"remediator-api-index 1\n"


@dataclass(frozen=True)
class Param:
    """One parameter as written in Python.

    ``keyword_only`` parameters come from a struct that jsii expands into keyword arguments
    (``Bucket(scope, id, *, versioned=...)``); the others may also be passed positionally.
    """

    name: str
    type: str
    required: bool
    keyword_only: bool = False
    variadic: bool = False
    #: deprecation message of the struct field ("" when not deprecated)
    deprecated: str = ""


@dataclass(frozen=True)
class Method:
    name: str
    params: tuple[Param, ...]
    returns: str
    static: bool
    deprecated: str
    #: qualified name of the type that declares it (a base class for inherited methods)
    owner: str

    @property
    def keywords(self) -> dict[str, Param]:
        """Every parameter that may be passed by keyword (all but variadic ones)."""
        return {p.name: p for p in self.params if not p.variadic}

    @property
    def required(self) -> list[str]:
        return [p.name for p in self.params if p.required]


@dataclass(frozen=True)
class Property:
    name: str
    type: str
    optional: bool
    static: bool
    readonly: bool
    deprecated: str
    owner: str


def encode(data: dict[str, Any], level: int = 6) -> bytes:
    """Serialize index data (as built by :func:`remediator.api.build.build`) to the on-disk form."""
    types: dict[str, Any] = data["types"]
    names = sorted(types)
    # members keep the assembly's order (jsii Python's keyword order depends on it)
    records = [json.dumps(types[n], separators=(",", ":"), ensure_ascii=False).encode("utf-8")
               for n in names]
    offsets = array("I", [0])
    for r in records:
        offsets.append(offsets[-1] + len(r))
    if sys.byteorder != "little":  # pragma: no cover
        offsets.byteswap()
    names_blob = "\n".join(names).encode("utf-8")
    header = {k: v for k, v in data.items() if k != "types"}
    header.update(names_bytes=len(names_blob), count=len(names))
    body = b"".join([json.dumps(header, separators=(",", ":"), sort_keys=True).encode("utf-8"), b"\n",
                     names_blob, offsets.tobytes(), *records])
    return MAGIC + zlib.compress(body, level)


class ApiIndex:
    """Questions about one aws-cdk-lib version's API, in Python names.

    Qualified names are Python's: ``aws_cdk.aws_s3.Bucket``, ``aws_cdk.Stack``,
    ``aws_cdk.aws_s3.CfnBucket.LifecycleConfigurationProperty``, ``constructs.Construct``.
    Members include everything inherited from base classes and interfaces.
    """

    def __init__(self, raw: bytes, source: str = "") -> None:
        if not raw.startswith(MAGIC):
            raise ValueError("not a remediator API index")
        body = zlib.decompress(raw[len(MAGIC):])
        nl = body.index(b"\n")
        header = json.loads(body[:nl])
        start = nl + 1
        names_end = start + header["names_bytes"]
        names = body[start:names_end].decode("utf-8").split("\n") if header["count"] else []
        offsets = array("I")
        offsets.frombytes(body[names_end:names_end + 4 * (header["count"] + 1)])
        if sys.byteorder != "little":  # pragma: no cover
            offsets.byteswap()
        self._records_start = names_end + 4 * (header["count"] + 1)
        self._body = body
        self._offsets = offsets
        self._slot = {n: i for i, n in enumerate(names)}
        self._names = names
        self._records: dict[str, dict[str, Any]] = {}
        self._by_short: dict[str, list[str]] | None = None
        self._kids: dict[str, list[str]] | None = None
        self._subs: dict[str, list[str]] | None = None
        self.header: dict[str, Any] = header
        #: aws-cdk-lib version, e.g. ``"2.275.0"``
        self.version: str = header["version"]
        #: where the index came from, for ``--version`` and reports
        self.source: str = source or f"aws-cdk-lib {self.version}"
        #: every Python module of the API: ``aws_cdk``, ``aws_cdk.aws_s3``, ``constructs``...
        self.modules: frozenset[str] = frozenset(header["modules"])
        #: CDK v1 feature flags that this aws-cdk-lib rejects at synth (cx-api
        #: ``CURRENT_VERSION_EXPIRED_FLAGS``), e.g. ``"@aws-cdk/core:enableStackNameDuplicates"``
        self.expired_feature_flags: tuple[str, ...] = tuple(header.get("expired_feature_flags", ()))
        #: True for the index shipped with remediator (no aws-cdk-lib found): the project may use
        #: another version, so "does not exist" is less certain; rules should avoid guesses then
        self.bundled: bool = False
        #: the site-packages holding the indexed aws-cdk-lib (None for the bundled index)
        self.site_packages: str | None = None

    @classmethod
    def from_data(cls, data: dict[str, Any], source: str = "") -> "ApiIndex":
        return cls(encode(data, level=1), source)

    def __repr__(self) -> str:
        return f"<ApiIndex {self.source}: {len(self._names)} types>"

    # -- modules and types ----------------------------------------------------------------------
    def module_exists(self, name: str) -> bool:
        return name in self.modules

    @property
    def type_names(self) -> list[str]:
        """Every qualified type name, sorted."""
        return list(self._names)

    def _record(self, qualname: str) -> dict[str, Any] | None:
        rec = self._records.get(qualname)
        if rec is None:
            i = self._slot.get(qualname)
            if i is None:
                return None
            base = self._records_start
            rec = json.loads(self._body[base + self._offsets[i]:base + self._offsets[i + 1]])
            self._records[qualname] = rec
        return rec

    def has_type(self, qualname: str) -> bool:
        return qualname in self._slot

    def kind(self, qualname: str) -> str | None:
        """``"class"``, ``"interface"``, ``"struct"`` (a jsii data type: a ``...Props`` or
        ``...Options``), ``"enum"``, or None when there is no such type."""
        rec = self._record(qualname)
        return None if rec is None else rec["k"]

    def is_class(self, qualname: str) -> bool:
        return self.kind(qualname) == "class"

    def is_enum(self, qualname: str) -> bool:
        return self.kind(qualname) == "enum"

    def is_struct(self, qualname: str) -> bool:
        return self.kind(qualname) == "struct"

    def is_interface(self, qualname: str) -> bool:
        return self.kind(qualname) == "interface"

    def is_abstract(self, qualname: str) -> bool:
        rec = self._record(qualname)
        return bool(rec and rec.get("a"))

    def module_of(self, qualname: str) -> str | None:
        """The module that defines a type (``aws_cdk.aws_s3`` for ``aws_cdk.aws_s3.CfnBucket.XProperty``)."""
        if qualname not in self._slot:
            return None
        parts = qualname.split(".")
        for i in range(len(parts) - 1, 0, -1):
            if ".".join(parts[:i]) in self.modules:
                return ".".join(parts[:i])
        return None

    def _children(self) -> dict[str, list[str]]:
        """qualified name -> last components of the types directly inside it (built once)."""
        if self._kids is None:
            kids: dict[str, list[str]] = {}
            for n in self._names:
                parent, _, last = n.rpartition(".")
                kids.setdefault(parent, []).append(last)
            self._kids = kids
        return self._kids

    def _submodules(self, module: str) -> list[str]:
        if self._subs is None:
            subs: dict[str, list[str]] = {}
            for m in self.modules:
                parent, _, last = m.rpartition(".")
                subs.setdefault(parent, []).append(last)
            self._subs = subs
        return self._subs.get(module, [])

    def types_in(self, module: str) -> list[str]:
        """Names (last component) of the top-level types of a module: ``["Bucket", "BucketProps"...]``."""
        return list(self._children().get(module, ())) if module in self.modules else []

    def _short_names(self) -> dict[str, list[str]]:
        if self._by_short is None:
            by: dict[str, list[str]] = {}
            for n in self._names:
                module, _, short = n.rpartition(".")
                if module in self.modules:
                    by.setdefault(short, []).append(module)
            self._by_short = by
        return self._by_short

    def modules_defining(self, name: str) -> list[str]:
        """Modules that define a top-level type called ``name``: ``"SnsAction"`` ->
        ``["aws_cdk.aws_cloudwatch_actions", ...]`` (sorted)."""
        return sorted(self._short_names().get(name, ()))

    # -- inheritance ----------------------------------------------------------------------------
    def bases(self, qualname: str) -> list[str]:
        """Direct bases: the base class first (for classes), then interfaces."""
        rec = self._record(qualname)
        return list(rec.get("b", ())) if rec else []

    @lru_cache(maxsize=4096)
    def ancestors(self, qualname: str) -> tuple[str, ...]:
        """The type itself and every base class and interface, nearest first, without repeats."""
        out: list[str] = []
        todo = [qualname]
        while todo:
            q = todo.pop(0)
            if q in out or q not in self._slot:
                continue
            out.append(q)
            todo.extend(self.bases(q))
        return tuple(out)

    def is_subtype(self, qualname: str, base: str) -> bool:
        return base in self.ancestors(qualname)

    # -- members --------------------------------------------------------------------------------
    @lru_cache(maxsize=4096)
    def methods(self, qualname: str) -> dict[str, Method]:
        """Every method (instance and static) by Python name, including inherited ones. A
        trailing struct parameter is expanded into keyword-only parameters, as in jsii Python."""
        out: dict[str, Method] = {}
        for q in self.ancestors(qualname):
            rec = self._record(q) or {}
            for name, (params, returns, flags, dep) in rec.get("m", {}).items():
                if name not in out:
                    out[name] = Method(name, self._python_params(params), returns, bool(flags & 1), dep, q)
        return out

    def method(self, qualname: str, name: str) -> Method | None:
        return self.methods(qualname).get(name)

    def static_methods(self, qualname: str) -> dict[str, Method]:
        return {k: m for k, m in self.methods(qualname).items() if m.static}

    @lru_cache(maxsize=4096)
    def properties(self, qualname: str) -> dict[str, Property]:
        """Every property (instance and static/constant) by Python name, including inherited ones.
        For a struct these are its fields."""
        out: dict[str, Property] = {}
        for q in self.ancestors(qualname):
            rec = self._record(q) or {}
            for name, (typ, flags, dep) in rec.get("p", {}).items():
                if name not in out:
                    out[name] = Property(name, typ, bool(flags & 1), bool(flags & 2), bool(flags & 4), dep, q)
        return out

    def property(self, qualname: str, name: str) -> Property | None:
        return self.properties(qualname).get(name)

    def enum_members(self, qualname: str) -> list[str]:
        """``["ONE_DAY", "THREE_DAYS", ...]`` for an enum (declaration order), else []."""
        rec = self._record(qualname)
        return list(rec.get("e", ())) if rec else []

    def nested_types(self, qualname: str) -> list[str]:
        """Names of types nested in a class: ``CfnBucket`` -> ``["AbacStatusProperty", ...]``."""
        return list(self._children().get(qualname, ())) if qualname in self._slot else []

    @lru_cache(maxsize=8192)
    def attributes(self, qualname: str) -> frozenset[str]:
        """Every name valid after ``<qualname or instance>.``: methods, properties, enum members,
        nested types; for a module, its types and submodules."""
        if qualname in self.modules:
            return frozenset(self.types_in(qualname)) | frozenset(self._submodules(qualname))
        return frozenset([*self.methods(qualname), *self.properties(qualname), *self.enum_members(qualname),
                          *self.nested_types(qualname)])

    def has_attribute(self, qualname: str, name: str) -> bool:
        return name in self.attributes(qualname)

    # -- constructors and struct fields ---------------------------------------------------------
    @lru_cache(maxsize=4096)
    def struct_fields(self, qualname: str) -> dict[str, Param]:
        """A struct's fields (including those of its parent structs) as keyword parameters, in the
        order of the struct class's ``__init__`` in jsii Python: parents' fields first."""
        props = self.properties(qualname)
        order: list[str] = []

        def visit(q: str) -> None:  # parents first, depth first, each in declaration order
            rec = self._record(q) or {}
            for base in rec.get("b", ()):
                visit(base)
            for name in rec.get("p", {}):
                if name in props and name not in order:
                    order.append(name)

        visit(qualname)
        return {n: self._field(props[n]) for n in order}

    @staticmethod
    def _field(p: Property) -> Param:
        return Param(p.name, p.type, required=not p.optional, keyword_only=True, deprecated=p.deprecated)

    def _python_params(self, params: list[list[Any]]) -> tuple[Param, ...]:
        out = [Param(name, typ, required=not flags & 1, variadic=bool(flags & 2)) for name, typ, flags in params]
        if out and not out[-1].variadic and self.kind(out[-1].type) == "struct":
            # jsii Python lifts the fields of a trailing struct parameter into keyword-only
            # arguments; a field is required when the struct declares it so, even when the struct
            # parameter itself is optional (AccessLogFormat.json_with_standard_fields).
            # order: the struct's own fields, then its parents' (breadth first), as jsii Python lifts them
            struct = out.pop()
            fields = {n: self._field(p) for n, p in self.properties(struct.type).items()}
            # a positional parameter named like a field gets a trailing "_" (CfnAccountPolicy: scope_)
            out = [replace(p, name=p.name + "_") if p.name in fields else p for p in out]
            out.extend(fields.values())
        return tuple(out)

    @lru_cache(maxsize=4096)
    def constructor(self, qualname: str) -> tuple[Param, ...] | None:
        """Python ``__init__`` parameters of a class (struct fields expanded to keyword-only), or
        None when the type has no public constructor. A struct's "constructor" is its fields."""
        rec = self._record(qualname)
        if rec is None:
            return None
        if rec["k"] == "struct":
            return tuple(self.struct_fields(qualname).values())
        if rec["k"] != "class" or "i" not in rec:
            return None
        return self._python_params(rec["i"])

    def constructor_keywords(self, qualname: str) -> dict[str, Param] | None:
        """Every keyword ``qualname(...)`` accepts (``scope``, ``id`` and the props), or None."""
        params = self.constructor(qualname)
        return None if params is None else {p.name: p for p in params if not p.variadic}

    # -- deprecation ----------------------------------------------------------------------------
    def deprecation(self, qualname: str, member: str | None = None) -> str | None:
        """The deprecation note of a type, or of one of its members (method, property, struct
        field, enum member); None when not deprecated (or unknown).

        ``deprecation("aws_cdk.aws_dynamodb.TableProps", "point_in_time_recovery")`` ->
        ``"use `pointInTimeRecoverySpecification` instead"`` (jsii notes use jsii/TypeScript names).
        """
        rec = self._record(qualname)
        if rec is None:
            return None
        if member is None:
            return rec.get("d") or None
        if member in rec.get("e", ()):
            return rec.get("ed", {}).get(member) or None
        m = self.methods(qualname).get(member)
        if m is not None:
            return m.deprecated or None
        p = self.properties(qualname).get(member)
        if p is not None:
            return p.deprecated or None
        return None

    def deprecated_keywords(self, qualname: str) -> dict[str, str]:
        """Constructor keywords that are deprecated, with their notes."""
        kw = self.constructor_keywords(qualname) or {}
        return {k: p.deprecated for k, p in kw.items() if p.deprecated}

    # -- iteration ------------------------------------------------------------------------------
    def iter_types(self, kind: str | None = None, module: str | None = None) -> Iterator[str]:
        for n in self._names:
            if module is not None and self.module_of(n) != module:
                continue
            if kind is not None and self.kind(n) != kind:
                continue
            yield n

    def resolve(self, qualname: str) -> tuple[str, str] | None:
        """What a dotted name denotes: ``("module", q)``, ``("type", q)``, or
        ``("member", owner_type)`` for ``aws_cdk.aws_logs.RetentionDays.ONE_MONTH``; None if unknown."""
        if qualname in self.modules:
            return ("module", qualname)
        if qualname in self._slot:
            return ("type", qualname)
        owner, _, name = qualname.rpartition(".")
        if owner in self._slot and self.has_attribute(owner, name):
            return ("member", owner)
        return None

    def exists(self, qualname: str) -> bool:
        """A module, a type, or a member of a type (``aws_cdk.aws_s3.Bucket.grant_read``)."""
        return self.resolve(qualname) is not None

    def name_exists(self, spec: str) -> bool:
        """Whether a name a rule may write exists. ``spec`` is a dotted name (:meth:`exists`), or a
        keyword: ``aws_cdk.aws_rds.DatabaseInstance(preferred_backup_window)`` (constructor) or
        ``aws_cdk.aws_s3.Bucket.grant_read(objects_key_pattern)`` (method, static or not)."""
        if spec.endswith(")") and "(" in spec:
            callee, _, keyword = spec[:-1].partition("(")
            if self.has_type(callee):
                return keyword in (self.constructor_keywords(callee) or {})
            owner, _, name = callee.rpartition(".")
            method = self.method(owner, name) if self.has_type(owner) else None
            return method is not None and keyword in method.keywords
        return self.exists(spec)


def names_of(params: Iterable[Param]) -> list[str]:
    return [p.name for p in params]
