from aws_cdk import Stack, aws_s3 as s3
from constructs import Construct


def bucket_names(prefix):
    names = []
    for kind in ("logs", "data"):
        names.append(prefix + "-" +
                     kind)
    return names


class TabStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        for name in bucket_names("app"):
            s3.Bucket(self, name)
