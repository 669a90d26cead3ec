"""Analyse and edit: the import map, bindings and CDK facts a rule reads, the rule contract, the
edits a rule returns, and the engine that applies them to a fixpoint."""
