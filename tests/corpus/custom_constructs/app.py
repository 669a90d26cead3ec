import aws_cdk as cdk

from lib.reporting_stack import ReportingStack

app = cdk.App()
ReportingStack(app, "Reporting")
app.synth()
