"""CDK5xx: maintainability: outputs, tags, method size, documentation, code kept in files."""
