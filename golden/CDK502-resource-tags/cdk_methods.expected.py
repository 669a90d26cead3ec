from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_lambda as lambda_
from aws_cdk import Tags
from constructs import Construct


class MonitoredStack(Stack):
    """aws-cdk-lib methods that build constructs are known by their return type: the alarm is
    updated in place, the key pair (create-only tags) is excluded; the fix stays safe."""

    def __init__(self, scope: Construct, construct_id: str, fn: lambda_.IFunction, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        # a new tag would replace resources of these types (their tags are create-only)
        replaced_by_new_tags = ["AWS::EC2::KeyPair"]
        Tags.of(self).add("Environment", "prod", exclude_resource_types=replaced_by_new_tags)
        Tags.of(self).add("Owner", "platform-team", exclude_resource_types=replaced_by_new_tags)
        Tags.of(self).add("Project", "orders", exclude_resource_types=replaced_by_new_tags)
        fn.metric_errors().create_alarm(self, "Errors", threshold=1, evaluation_periods=1)
        ec2.KeyPair(self, "Admin")
