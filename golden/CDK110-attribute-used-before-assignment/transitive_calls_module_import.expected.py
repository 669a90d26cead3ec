import aws_cdk
import aws_cdk.aws_apigateway as apigateway
import aws_cdk.aws_lambda as _lambda
from constructs import Construct


class ApiStack(aws_cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.handler = self._build_function()
        self.api = self._build_api()

    def _build_function(self) -> _lambda.Function:
        return _lambda.Function(
            self,
            "Handler",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=_lambda.Code.from_inline("def handler(event, context):\n    return {}"),
        )

    def _build_api(self) -> apigateway.RestApi:
        api = apigateway.RestApi(self, "Api")
        api.root.add_method("GET", self._integration())
        return api

    def _integration(self) -> apigateway.LambdaIntegration:
        return apigateway.LambdaIntegration(self.handler)
