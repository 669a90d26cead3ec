#!/usr/bin/env python3
"""One stack per environment, configured through cdk.json context."""
import aws_cdk as cdk
from aws_cdk import Stack, RemovalPolicy, aws_s3 as s3, aws_dynamodb as dynamodb, aws_lambda as lambda_
from constructs import Construct


class ServiceStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.environment = self.node.try_get_context("env")
        owner = self.node.try_get_context("owner")

        bucket = s3.Bucket(
            self,
            "Artifacts",
            bucket_name=f"service-artifacts-{self.environment}",
            removal_policy=RemovalPolicy.DESTROY,
            auto_delete_objects=True,
        )

        table = dynamodb.Table(
            self,
            "State",
            table_name="service-state",
            partition_key=dynamodb.Attribute(name="id", type=dynamodb.AttributeType.STRING),
        )

        fn = lambda_.Function(
            self,
            "Api",
            function_name="service-api",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="api.handler",
            code=lambda_.Code.from_asset("api"),
            environment={"BUCKET": bucket.bucket_name, "TABLE": table.table_name, "OWNER": owner},
        )
        table.grant_read_write_data(fn)
        cdk.Tags.of(self).add("Environment", self.environment)


app = cdk.App()
for env_name in ("dev", "staging", "prod"):
    ServiceStack(app, f"Service-{env_name}")
app.synth()
