from aws_cdk import Stack
from constructs import Construct


def make_key(scope: Construct, name: str):
    from aws_cdk import aws_kms as kms_

    return kms_.Key(scope, name, enable_key_rotation=True)


class KeysStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        make_key(self, "Helper")
