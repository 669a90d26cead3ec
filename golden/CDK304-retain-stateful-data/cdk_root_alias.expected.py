import aws_cdk as cdk
from constructs import Construct


class DataStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.bucket = cdk.aws_s3.Bucket(
            self, "Data", removal_policy=cdk.RemovalPolicy.RETAIN
        )
        self.pool = cdk.aws_cognito.UserPool(self, "Users", removal_policy=cdk.RemovalPolicy.RETAIN)
