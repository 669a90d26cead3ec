from aws_cdk import Stack
from constructs import Construct


def audit_log(scope: Construct):
    import aws_cdk as core
    from aws_cdk import aws_logs as logs_

    return logs_.LogGroup(scope, "Audit", removal_policy=core.RemovalPolicy.DESTROY)


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        audit_log(self)
