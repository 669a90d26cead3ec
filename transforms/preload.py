"""Importing this module imports every rule (the worker processes' server preloads it)."""

from remediator.transforms import all_rules

all_rules()
