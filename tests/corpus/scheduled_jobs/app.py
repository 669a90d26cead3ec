import aws_cdk as cdk
from aws_cdk import aws_events as events
from aws_cdk import aws_events_targets as targets
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_s3 as s3

JOBS = {
    "CleanupTmp": "rate(1 hour)",
    "RotateReports": "cron(0 3 * * ? *)",
    "WarmCaches": "rate(5 minutes)",
}


class JobsStack(cdk.Stack):
    def __init__(self, scope, construct_id, **kwargs):
        super().__init__(scope, construct_id, **kwargs)
        workdir = s3.Bucket(self, "Workdir", lifecycle_rules=[s3.LifecycleRule(expiration=cdk.Duration.days(3))])
        for name, expression in JOBS.items():
            fn = lambda_.Function(
                self,
                name,
                runtime=lambda_.Runtime.PYTHON_3_12,
                handler=f"jobs.{name.lower()}",
                code=lambda_.Code.from_asset("jobs"),
                timeout=cdk.Duration.minutes(5),
                environment={"WORKDIR": workdir.bucket_name},
                log_format="JSON",
            )
            workdir.grant_read_write(fn)
            events.Rule(self, f"{name}Schedule", schedule=events.Schedule.expression(expression),
                        targets=[targets.LambdaFunction(fn, retry_attempts=2)])


app = cdk.App()
JobsStack(app, "Jobs", env=cdk.Environment(region="ap-southeast-2"))
app.synth()
