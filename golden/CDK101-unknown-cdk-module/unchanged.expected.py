import aws_cdk as cdk
import aws_cdk.aws_lambda_python_alpha as lambda_python
from aws_cdk import Stack, aws_ec2 as ec2
from aws_cdk import aws_elasticloadbalancingv2 as elbv2
from aws_cdk.aws_cloudfront import experimental
from aws_cdk.aws_s3 import Bucket
from constructs import Construct


class WebStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc(self, "Vpc", max_azs=2)
        elbv2.ApplicationLoadBalancer(self, "Alb", vpc=vpc, internet_facing=True)
        Bucket(self, "Logs", enforce_ssl=True)
        cdk.aws_sqs.Queue(self, "Jobs")
        # alpha modules are separate packages: not aws-cdk-lib's to judge
        lambda_python.PythonFunction(self, "Fn", entry="lambda", runtime=cdk.aws_lambda.Runtime.PYTHON_3_12)
        self.edge = experimental
        cdk.Tags.of(self).add("team", "web")
