from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from aws_cdk import custom_resources as cr
from aws_cdk import aws_sqs as sqs
from aws_cdk import Duration
from constructs import Construct


class TriggerStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        trigger_build_dlq = sqs.Queue(
            self,
            "TriggerBuildDlq",
            encryption=sqs.QueueEncryption.SQS_MANAGED,
            enforce_ssl=True,
            retention_period=Duration.days(14),
        )
        trigger_build = lambda_.Function(self, "TriggerBuild", runtime=lambda_.Runtime.PYTHON_3_12,
                                         handler="index.handler", code=lambda_.Code.from_asset("src"), dead_letter_queue=trigger_build_dlq)
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
