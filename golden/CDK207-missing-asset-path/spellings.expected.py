import aws_cdk as cdk
import aws_cdk.aws_lambda as fn
from aws_cdk.aws_lambda import Code
from constructs import Construct


class SpellingsStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        cdk.aws_lambda.Code.from_asset("assets/lambda/dotted")
        fn.Code.from_asset(path="assets/lambda/keyword")
        Code.from_asset("assets/lambda/api")
        self.node_functions()

    def node_functions(self) -> None:
        from aws_cdk import aws_lambda_nodejs as nodejs

        nodejs.NodejsFunction(self, "Edge", entry="assets/lambda/edge/index.ts")
        nodejs.NodejsFunction(self, "Default")
