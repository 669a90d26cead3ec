import aws_cdk as cdk
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_cloudtrail as cloudtrail
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_s3 as s3
from constructs import Construct


class OutputsStack(cdk.Stack):
    """Resources whose outputs exist, plumbing, and constructs outside a stack's own scope."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.vpc = ec2.Vpc(self, "Vpc")
        self.data = s3.Bucket(self, "Data", server_access_logs_bucket=s3.Bucket(self, "AccessLogs"))
        trail_store = s3.Bucket(self, "Store")
        cloudtrail.Trail(self, "Trail", bucket=trail_store)
        handler = lambda_.Function(
            self,
            "Handler",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_asset("lambda"),
        )
        apigw.LambdaRestApi(self, "Api", handler=handler)
        for name in ("a", "b"):
            s3.Bucket(self, f"Per{name}")
        self.export_value(self.data.bucket_arn)
        self._outputs()

    def _outputs(self) -> None:
        cdk.CfnOutput(self, "VpcId", value=self.vpc.vpc_id)
        cdk.CfnOutput(self, "PrivateSubnets", value=",".join(s.subnet_id for s in self.vpc.select_subnets().subnets))

    def _bucket(self, scope: Construct, name: str) -> s3.Bucket:
        return s3.Bucket(scope, name)


class Storage(Construct):
    """A reusable construct: outputs belong to the stack that uses it."""

    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        self.bucket = s3.Bucket(self, "Bucket")


class Inner(cdk.NestedStack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        s3.Bucket(self, "Nested")
