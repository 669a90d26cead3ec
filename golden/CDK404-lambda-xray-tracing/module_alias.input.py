from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        code = lambda_.Code.from_asset("lambda")
        rt = lambda_.Runtime.PYTHON_3_12
        lambda_.Function(self, "Plain", runtime=rt, handler="index.handler", code=code)
        lambda_.Function(self, "Traced", runtime=rt, handler="index.handler", code=code,
                         tracing=lambda_.Tracing.ACTIVE)
        lambda_.Function(self, "PassThrough", runtime=rt, handler="index.handler", code=code,
                         tracing=lambda_.Tracing.PASS_THROUGH)
        role = iam.Role(self, "Role", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
        lambda_.Function(self, "OwnRole", runtime=rt, handler="index.handler", code=code, role=role)
        imported = iam.Role.from_role_arn(self, "Imported", "arn:aws:iam::123456789012:role/app")
        lambda_.Function(self, "ImportedRole", runtime=rt, handler="index.handler", code=code, role=imported)
        frozen = iam.Role.from_role_arn(self, "Frozen", "arn:aws:iam::123456789012:role/app", mutable=False)
        lambda_.Function(self, "FrozenRole", runtime=rt, handler="index.handler", code=code, role=frozen)
