from aws_cdk import Stack, aws_iam as iam, aws_s3 as s3
from constructs import Construct


class WebTierStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.bucket = s3.Bucket(self, "Assets")
        self._create_compute_infrastructure()

    def _create_compute_infrastructure(self):
        # the role the instances run with
        role = iam.Role(
            self,
            "InstanceRole",
            assumed_by=iam.ServicePrincipal("ec2.amazonaws.com"),
        )
        if self.bucket:
            self.bucket.grant_read(role)
        description = """
  kept exactly:
      multi-line strings are never re-indented
"""
        return role, description
