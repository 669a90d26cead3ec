from __future__ import annotations

from dataclasses import dataclass

from aws_cdk import Duration, RemovalPolicy, Stack
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_s3_notifications as s3n
from constructs import Construct


@dataclass(frozen=True)
class UploadsProps:
    max_size_mb: int = 10
    retain: bool = True


class UploadsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, props: UploadsProps, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.bucket = s3.Bucket(
            self, "Uploads",
            removal_policy=RemovalPolicy.RETAIN if props.retain else RemovalPolicy.DESTROY,
            cors=[s3.CorsRule(allowed_methods=[s3.HttpMethods.POST], allowed_origins=["https://app.example.org"])],
        )
        self.scanner = lambda_.Function(
            self, "VirusScan",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="scan.handler",
            code=lambda_.Code.from_asset("scanner"),
            timeout=Duration.minutes(2),
            environment={"MAX_SIZE_MB": str(props.max_size_mb)},
        )
        self.bucket.grant_read(self.scanner)
        self.bucket.add_object_created_notification(s3n.LambdaDestination(self.scanner))
