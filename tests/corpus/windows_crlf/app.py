# Authored on Windows: CRLF line endings are kept by the fixer.
import aws_cdk as cdk
from aws_cdk import aws_s3 as s3, aws_kms as kms, aws_sqs as sqs


class IntakeStack(cdk.Stack):
    def __init__(self, scope, construct_id, **kwargs):
        super().__init__(scope, construct_id, **kwargs)
        key = kms.Key(
            self,
            "IntakeKey",
            description="intake",
        )
        s3.Bucket(self, "Intake", encryption_key=key, removal_policy=cdk.RemovalPolicy.DESTROY)
        sqs.Queue(self, "IntakeEvents", encryption_master_key=key)


app = cdk.App()
IntakeStack(app, "Intake")
app.synth()
