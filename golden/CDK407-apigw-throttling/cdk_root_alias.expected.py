import aws_cdk as cdk
from constructs import Construct


class ApiStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, machine, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.api = cdk.aws_apigateway.StepFunctionsRestApi(
            self,
            "Workflow",
            state_machine=machine,
            deploy_options=cdk.aws_apigateway.StageOptions(
                stage_name="v1",
                throttling_rate_limit=100,
                throttling_burst_limit=200,
            ),
        )
