from aws_cdk import Stack
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_lambda_event_sources as sources
from aws_cdk import aws_sqs as sqs
from constructs import Construct


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        api_handler = lambda_.Function(self, "ApiHandler", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=lambda_.Code.from_asset("src"))
        apigw.LambdaRestApi(self, "Api", handler=api_handler)
        items = lambda_.Function(self, "Items", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=lambda_.Code.from_asset("src"))
        rest = apigw.RestApi(self, "Rest")
        rest.root.add_method("GET", apigw.LambdaIntegration(items))
        worker = lambda_.Function(self, "Worker", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=lambda_.Code.from_asset("src"))
        worker.add_event_source(sources.SqsEventSource(sqs.Queue(self, "Jobs", enforce_ssl=True)))
        url_fn = lambda_.Function(self, "Url", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=lambda_.Code.from_asset("src"))
        url_fn.add_function_url(auth_type=lambda_.FunctionUrlAuthType.AWS_IAM)
