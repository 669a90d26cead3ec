from aws_cdk import Stack
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_iam as iam
from constructs import Construct


class DashboardStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        environment_suffix = self.node.try_get_context("environmentSuffix") or "dev"
        dashboard_name = f"AcmeDashboard-{environment_suffix}"
        cloudwatch.Dashboard(self, "Dashboard", dashboard_name=dashboard_name)
        url = f"https://console.aws.amazon.com/cloudwatch/home#dashboards:name={dashboard_name}"
        role_name = f"acme-reader-{environment_suffix}"
        iam.Role(self, "Reader", role_name=role_name, assumed_by=iam.AccountRootPrincipal())
        print(url)
