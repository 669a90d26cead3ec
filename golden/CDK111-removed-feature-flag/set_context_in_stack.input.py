from aws_cdk import Stack
from aws_cdk import aws_kms as kms
from constructs import Construct


class KeysStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        # CDK v1 migration leftovers
        self.node.set_context("@aws-cdk/aws-kms:defaultKeyPolicies", True)
        self.node.set_context("@aws-cdk/aws-ec2:uniqueImdsv2TemplateName", True)
        if self.node.try_get_context("legacy"):
            self.node.set_context("@aws-cdk/core:enableStackNameDuplicates", "true")
        self.key = kms.Key(self, "DataKey", enable_key_rotation=True)


def configure(scope: Construct) -> None:
    from constructs import Node

    Node.of(scope).set_context("@aws-cdk/aws-s3:grantWriteWithoutAcl", True); Node.of(scope).set_context("team", "data")
    ok = scope.node.set_context("@aws-cdk/aws-ecr-assets:dockerIgnoreSupport", True) or True
