from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_s3 as s3
from constructs import Construct


class ServiceStack(Stack):
    """Safe where None fails synth (nothing can have been deployed without the key); unsafe
    where None was formatted into a deployed name (the default renames, and so replaces, it)."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        env = self.node.try_get_context("env") or "dev"
        s3.Bucket(self, "Data", bucket_name="data-" + env)  # TypeError without the key: safe
        stage = self.node.try_get_context("stage") or "dev"
        prefix = stage.upper()  # AttributeError without the key: safe
        deploy_env = self.node.try_get_context("deploy_env") or "dev"
        lambda_.Function(
            self,
            "Api",
            function_name=f"{prefix}-api-{deploy_env}",  # formatted into a deployed name: unsafe
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(e, c): return e"),
        )
        target_env = self.node.try_get_context("target_env") or "dev"
        self.helper(target_env)  # handed to other code: unsafe
