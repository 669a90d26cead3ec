import aws_cdk as cdk
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_elasticloadbalancingv2 as elbv2
from constructs import Construct


class WebStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc(self, "Vpc")
        alb = elbv2.ApplicationLoadBalancer(self, "WebAlb", vpc=vpc, internet_facing=True)
        alb_access_logs = cdk.aws_s3.Bucket(
            self,
            "WebAlbAccessLogs",
            encryption=cdk.aws_s3.BucketEncryption.S3_MANAGED,
            block_public_access=cdk.aws_s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
        )
        alb.log_access_logs(alb_access_logs, prefix="alb")
        alb.add_listener("Http", port=80).add_action("Ok", action=elbv2.ListenerAction.fixed_response(200))
        logged = elbv2.ApplicationLoadBalancer(self, "Logged", vpc=vpc)
        logged.log_access_logs(cdk.aws_s3.Bucket.from_bucket_name(self, "Central", "central-logs"))
        attribute = elbv2.ApplicationLoadBalancer(self, "ByAttribute", vpc=vpc)
        attribute.set_attribute("access_logs.s3.enabled", "true")


app = cdk.App()
WebStack(app, "Web", env=cdk.Environment(account="123456789012", region="eu-west-1"))
app.synth()
