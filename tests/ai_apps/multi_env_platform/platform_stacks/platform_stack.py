from aws_cdk import CfnOutput, Stack, Tags
from constructs import Construct

from platform_stacks.data_nested import DataNestedStack
from platform_stacks.api_nested import ApiNestedStack


class PlatformStack(Stack):
    """Parent stack: one nested stack for data, one for the API, all named after the environment."""

    def __init__(self, scope: Construct, construct_id: str, *, env_name: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.environment = env_name

        Tags.of(self).add("Environment", env_name)
        Tags.of(self).add("Project", "platform")

        data = DataNestedStack(self, "Data", env_name=env_name)
        api = ApiNestedStack(self, "Api", env_name=env_name, table=data.table, uploads_bucket=data.uploads_bucket)

        CfnOutput(self, "ApiUrl", value=api.api_url)
