"""The rules, one module per rule, installed as ``remediator.transforms``.

Rules are grouped by family, as in the rule catalog: ``api_repair`` (CDK1xx), ``deployment``
(CDK2xx), ``security`` (CDK3xx), ``operations`` (CDK4xx) and ``maintainability`` (CDK5xx). Every
module named ``cdkNNN_<name>.py`` in one of these folders defines one
:class:`remediator.analysis.rule.Rule` subclass. :func:`all_rules` finds them; nothing else needs
registering.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from functools import lru_cache
from types import ModuleType

from remediator.analysis.rule import Rule


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    """Every rule class, sorted by code."""
    found: dict[str, type[Rule]] = {}
    for info in pkgutil.walk_packages(__path__, prefix=f"{__name__}."):
        if info.ispkg or not info.name.rsplit(".", 1)[-1].startswith("cdk"):
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Rule) and value is not Rule and value.__module__ == module.__name__:
                if value.code in found:
                    raise RuntimeError(f"duplicate rule code {value.code}")
                found[value.code] = value
    return tuple(found[c] for c in sorted(found))


def rule_module(rule: type[Rule]) -> ModuleType:
    """The module that defines ``rule`` (where its tables and ``suggested_names()`` live)."""
    return sys.modules[rule.__module__]


def rule_by_code(code_or_name: str) -> type[Rule] | None:
    key = code_or_name.strip()
    for rule in all_rules():
        if rule.code == key.upper() or rule.name == key.lower():
            return rule
    return None
