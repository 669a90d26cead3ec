import aws_cdk as cdk


def describe() -> str:
    return "a helper that imports aws_cdk and no longer uses it"
