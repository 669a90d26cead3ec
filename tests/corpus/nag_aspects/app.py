"""The team's compliance wrapper: cdk-nag packs and a tagging aspect applied to the whole app."""
import jsii
import aws_cdk as cdk
from aws_cdk import Aspects, IAspect, Stack, Tags
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sqs as sqs
from aws_cdk import aws_kms as kms
from cdk_nag import AwsSolutionsChecks, NagSuppressions
from constructs import Construct, IConstruct


@jsii.implements(IAspect)
class RequireVersioning:
    def visit(self, node: IConstruct) -> None:
        if isinstance(node, s3.CfnBucket) and node.versioning_configuration is None:
            cdk.Annotations.of(node).add_warning("bucket is not versioned")


class QueueStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        key = kms.Key(self, "QueueKey", enable_key_rotation=True)
        dlq = sqs.Queue(self, "Dlq", encryption_master_key=key, enforce_ssl=True)
        sqs.Queue(self, "Work", encryption_master_key=key, enforce_ssl=True,
                  dead_letter_queue=sqs.DeadLetterQueue(queue=dlq, max_receive_count=3))
        bucket = s3.Bucket(self, "Payloads")  # remediator: ignore[CDK302]
        NagSuppressions.add_resource_suppressions(
            bucket, [{"id": "AwsSolutions-S1", "reason": "payloads are short-lived"}])


app = cdk.App()
QueueStack(app, "Queues")
Aspects.of(app).add(AwsSolutionsChecks(verbose=True))
Aspects.of(app).add(RequireVersioning())
Tags.of(app).add("cost-center", "platform")
app.synth()
