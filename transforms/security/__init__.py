"""CDK3xx: security: encryption, public access, data retention, least privilege."""
