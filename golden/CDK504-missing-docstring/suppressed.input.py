from aws_cdk import Stack


class QuietStack(Stack):
    def outputs(self) -> dict:  # remediator: ignore[CDK504]
        return {}
