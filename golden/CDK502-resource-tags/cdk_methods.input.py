from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class MonitoredStack(Stack):
    """aws-cdk-lib methods that build constructs are known by their return type: the alarm is
    updated in place, the key pair (create-only tags) is excluded; the fix stays safe."""

    def __init__(self, scope: Construct, construct_id: str, fn: lambda_.IFunction, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        fn.metric_errors().create_alarm(self, "Errors", threshold=1, evaluation_periods=1)
        ec2.KeyPair(self, "Admin")
