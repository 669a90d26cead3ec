import aws_cdk as cdk
from constructs import Construct


class JobsStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        env_vars = {"STAGE": "prod", "AWS_LAMBDA_FUNCTION_NAME": "jobs"}
        cdk.aws_lambda.Function(
            self,
            "Jobs",
            runtime=cdk.aws_lambda.Runtime.NODEJS_20_X,
            handler="index.handler",
            code=cdk.aws_lambda.Code.from_inline("exports.handler = async () => ({});"),
            environment=env_vars,
        )
        cdk.aws_lambda.DockerImageFunction(
            self,
            "Image",
            code=cdk.aws_lambda.DockerImageCode.from_ecr(
                cdk.aws_ecr.Repository.from_repository_name(self, "Repo", "jobs")
            ),
            environment=dict(QUEUE="jobs", AWS_REGION="eu-west-1"),
        )
