from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct


class ReadsOnly(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(self, "Logs", bucket_name=f"logs-{self.account}-{self.region}")
        self.termination_protection = True  # writable
        self.environment_name = "dev"


class OwnProperty(Stack):
    environment = "dev"  # the class defines the name itself: assignment shadows nothing

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.environment = "prod"


class Suppressed(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.region = "eu-west-1"  # remediator: ignore[CDK106]
