"""remediator: codemods that repair misconfigured AWS CDK (Python) stacks in their source."""

__version__ = "0.1.0"
