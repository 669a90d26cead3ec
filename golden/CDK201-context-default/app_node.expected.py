import aws_cdk as cdk

from stacks.data_stack import DataStack

app = cdk.App()
stage = app.node.try_get_context("stage")
suffix = app.node.try_get_context("environmentSuffix")  # camelCase keys count too
DataStack(app, f"Data-{stage}-{suffix}", env=cdk.Environment(region="eu-west-1"))
app.synth()
