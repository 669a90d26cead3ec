"""Buckets and queues built by small factory functions (a common refactoring)."""
from typing import Optional

from aws_cdk import App, Stack, Duration, RemovalPolicy
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sqs as sqs
from aws_cdk import aws_kms as kms
from constructs import Construct


def make_bucket(scope: Construct, name: str, key: Optional[kms.IKey] = None) -> s3.Bucket:
    return s3.Bucket(
        scope,
        name,
        encryption=s3.BucketEncryption.KMS if key else s3.BucketEncryption.S3_MANAGED,
        encryption_key=key,
        versioned=True,
        removal_policy=RemovalPolicy.DESTROY,
        auto_delete_objects=True,
    )


def make_queue(scope: Construct, name: str, fifo: bool = False) -> sqs.Queue:
    kwargs = {"fifo": True, "content_based_deduplication": True} if fifo else {}
    return sqs.Queue(scope, name, visibility_timeout=Duration.minutes(5), **kwargs)


def make_key(scope, name):
    return kms.Key(scope, name, alias=f"alias/{name.lower()}")


class FactoryStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        key = make_key(self, "Reports")
        for name in ("Invoices", "Receipts", "Statements"):
            make_bucket(self, f"{name}Bucket", key)
        make_bucket(self, "Scratch")
        make_queue(self, "Jobs")
        make_queue(self, "Ordered", fifo=True)


app = App()
FactoryStack(app, "FactoryStack")
app.synth()
