from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from aws_cdk import custom_resources as cr
from constructs import Construct


class TriggerStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        trigger_build = lambda_.Function(self, "TriggerBuild", runtime=lambda_.Runtime.PYTHON_3_12,
                                         handler="index.handler", code=lambda_.Code.from_asset("src"))
        check = lambda_.Function(self, "Check", runtime=lambda_.Runtime.PYTHON_3_12,
                                 handler="index.handler", code=lambda_.Code.from_asset("src"))
        cr.AwsCustomResource(
            self,
            "InvokeOnDeploy",
            policy=cr.AwsCustomResourcePolicy.from_sdk_calls(resources=cr.AwsCustomResourcePolicy.ANY_RESOURCE),
            on_create=cr.AwsSdkCall(
                service="Lambda",
                action="invoke",
                parameters={"FunctionName": trigger_build.function_name, "InvocationType": "Event"},
                physical_resource_id=cr.PhysicalResourceId.of("trigger"),
            ),
        )
        cr.AwsCustomResource(
            self,
            "CheckOnDeploy",
            policy=cr.AwsCustomResourcePolicy.from_sdk_calls(resources=cr.AwsCustomResourcePolicy.ANY_RESOURCE),
            on_create=cr.AwsSdkCall(
                service="Lambda",
                action="invoke",
                parameters={"FunctionName": check.function_name},
                physical_resource_id=cr.PhysicalResourceId.of("check"),
            ),
        )
