import aws_cdk as cdk
from constructs import Construct


class ApiStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, definition, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.api = cdk.aws_apigateway.SpecRestApi(
            self,
            "Spec",
            api_definition=definition,
            deploy_options=cdk.aws_apigateway.StageOptions(
                stage_name="prod",
                tracing_enabled=True,
            ),
        )
