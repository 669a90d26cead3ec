"""CDK1xx: API correctness: imports, keywords, members and calls checked against aws-cdk-lib."""
