from aws_cdk import App, Stack, Duration, CustomResource
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_iam as iam
from aws_cdk import custom_resources as cr
from constructs import Construct

HANDLER = '''
import json
import boto3

ssm = boto3.client("ssm")


def handler(event, context):
    props = event["ResourceProperties"]
    if event["RequestType"] in ("Create", "Update"):
        ssm.put_parameter(Name=props["Name"], Value=props["Value"], Type="String", Overwrite=True)
    elif event["RequestType"] == "Delete":
        ssm.delete_parameter(Name=props["Name"])
    return {"PhysicalResourceId": props["Name"]}
'''


class ParametersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        on_event = lambda_.Function(
            self, "ParamHandler",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline(HANDLER),
            timeout=Duration.seconds(30),
        )
        on_event.add_to_role_policy(iam.PolicyStatement(actions=["ssm:*"], resources=["*"]))
        provider = cr.Provider(self, "ParamProvider", on_event_handler=on_event)
        CustomResource(self, "FeatureFlag", service_token=provider.service_token,
                       properties={"Name": "/app/feature-x", "Value": "on"})


app = App()
ParametersStack(app, "Parameters")
app.synth()
