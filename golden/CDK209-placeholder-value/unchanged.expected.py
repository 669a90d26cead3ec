import json

from aws_cdk import CfnOutput, Stack
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_s3_deployment as s3deploy
from aws_cdk import aws_ssm as ssm
from constructs import Construct

# example.com and TODO in a comment are no finding


class UnchangedStack(Stack):
    """Deploys to example.com eventually; TODO: placeholder docs."""

    def __init__(self, scope: Construct, construct_id: str, domain: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        lambda_.Function(
            self,
            "Placeholder",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("# TODO: implement\ndef handler(event, context):\n    return 'example.com'\n"),
            description="Replace with your own handler; see example.com",
        )
        s3deploy.Source.data("index.html", "<html><body>Welcome to example.com</body></html>")
        cloudwatch.Alarm(self, "Errors", metric=cloudwatch.Metric(namespace="App", metric_name="Errors"),
                         threshold=1, evaluation_periods=1, alarm_description="TODO: tune the threshold")
        ssm.StringParameter(self, "Domain", string_value=domain)
        ssm.StringParameter(self, "Settings", string_value=json.dumps({"domain": "example.com"}))
        CfnOutput(self, "Hint", value="aws s3 cp <local-path> s3://bucket/".format())
        print("your-bucket", "example.com")
        lambda_.Function(self, "Exact", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                         code=lambda_.Code.from_asset("lambda"), environment={"TODO_QUEUE": "todo-queue"})
        ssm.StringParameter(self, "Suppressed", string_value="changeme")  # remediator: ignore[CDK209]
