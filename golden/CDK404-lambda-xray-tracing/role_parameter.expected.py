from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as _lambda
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, role: iam.IRole, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        # a role from elsewhere: CDK may not be able to give it the X-Ray permissions
        _lambda.Function(self, "Handler", runtime=_lambda.Runtime.NODEJS_20_X, handler="index.handler",
                         code=_lambda.Code.from_asset("lambda"), role=role)
