import aws_cdk as cdk

from stacks.primary import PrimaryStack
from stacks.replica import ReplicaStack

ACCOUNT = "210987654321"

app = cdk.App()
replica = ReplicaStack(app, "BackupReplica", env=cdk.Environment(account=ACCOUNT, region="us-west-2"),
                       cross_region_references=True)
PrimaryStack(app, "BackupPrimary", replica_bucket=replica.bucket,
             env=cdk.Environment(account=ACCOUNT, region="us-east-1"), cross_region_references=True)
app.synth()
