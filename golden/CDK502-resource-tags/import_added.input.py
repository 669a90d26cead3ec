import aws_cdk
from aws_cdk import aws_s3 as s3
from constructs import Construct


class PropsStack(aws_cdk.Stack):
    """No Tags import yet; Environment from props.environment_suffix."""

    def __init__(self, scope: Construct, construct_id: str, props, **kwargs) -> None:
        """Build the stack."""
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(self, "Data", bucket_name=f"data-{props.environment_suffix}")
