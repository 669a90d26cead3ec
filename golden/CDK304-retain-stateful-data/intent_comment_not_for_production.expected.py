# A comment beside or above the DESTROY says it is not for production: reported, not changed.
from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_cognito as cognito
from aws_cdk.aws_dynamodb import Attribute, AttributeType, Table
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        cognito.UserPool(
            self,
            "UserPool",
            self_sign_up_enabled=True,
            removal_policy=RemovalPolicy.DESTROY,  # Remove this line for production use
        )
        Table(
            self, "ItemsTable",
            partition_key=Attribute(name="id", type=AttributeType.STRING),
            # The default removal policy is RETAIN, which means that cdk destroy will not
            # delete the table. By setting the policy to DESTROY, cdk destroy will delete
            # the table (even if it has data in it)
            removal_policy=RemovalPolicy.DESTROY  # NOT recommended for production code
        )
