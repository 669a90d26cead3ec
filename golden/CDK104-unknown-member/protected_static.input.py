from aws_cdk import Stack
from aws_cdk import aws_codedeploy as codedeploy
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class Deploy(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        fn = lambda_.Function(
            self,
            "Fn",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return None\n"),
        )
        alias = lambda_.Alias(self, "Live", alias_name="live", version=fn.current_version)
        # a protected static method of TypeScript is a public one in Python: valid
        config = codedeploy.LambdaDeploymentConfig.from_deployment_config_name(
            self, "Config", "CodeDeployDefault.LambdaAllAtOnce"
        )
        codedeploy.LambdaDeploymentGroup(self, "Group", alias=alias, deployment_config=config)
        # still checked: a misspelled constant
        codedeploy.LambdaDeploymentGroup(
            self, "Canary", alias=alias, deployment_config=codedeploy.LambdaDeploymentConfig.ALL_AT_ONCE_
        )
