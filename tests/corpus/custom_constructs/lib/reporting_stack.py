from aws_cdk import Stack, aws_events as events
from constructs import Construct

from lib.constructs.scheduled_job import ScheduledJob
from lib.constructs.secure_bucket import SecureBucket


class ReportingStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        reports = SecureBucket(self, "Reports")
        nightly = ScheduledJob(
            self,
            "NightlyReport",
            schedule=events.Schedule.cron(minute="0", hour="2"),
            asset="jobs/nightly",
            environment={"BUCKET": reports.bucket.bucket_name},
        )
        reports.grant_read(nightly.function)
