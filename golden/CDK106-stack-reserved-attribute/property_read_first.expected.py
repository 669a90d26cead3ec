import aws_cdk as cdk
from aws_cdk import Stack, Token
from aws_cdk import aws_s3 as s3
from constructs import Construct


class RegionalStack(Stack):
    """Reads before the first assignment (and in its value) mean the Stack's own `region`."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.region_name = "eu-west-1" if Token.is_unresolved(self.region) else self.region
        s3.Bucket(
            self, "Data", bucket_name=f"data-{self.region_name}-{self.suffix()}", enforce_ssl=True
        )

    def suffix(self) -> str:
        return self.region_name.replace("-", "")


app = cdk.App()
RegionalStack(app, "Regional")
app.synth()
