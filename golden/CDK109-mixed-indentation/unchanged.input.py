from aws_cdk import Stack, aws_s3 as s3
from constructs import Construct


class SmallStack(Stack):
  def __init__(self, scope: Construct, construct_id: str) -> None:
    super().__init__(scope, construct_id)
    s3.Bucket(self,
              "Data")
