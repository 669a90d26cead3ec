from aws_cdk import Duration, Stack
from aws_cdk import aws_cloudtrail as cloudtrail
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_logs as logs
from aws_cdk import aws_rds as rds
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc(self, "Vpc", max_azs=2)
        self.db = rds.DatabaseInstance(
            self,
            "Db",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16),
            vpc=vpc,
            preferred_backup_window="03:00-04:00",  # before the maintenance window
            backup_retention=Duration.days(7),
        )
        trail_logs = logs.LogGroup(self, "TrailLogs", retention=logs.RetentionDays.ONE_YEAR)
        cloudtrail.Trail(self, "Trail", send_to_cloud_watch_logs=True, cloud_watch_log_group=trail_logs)
        cloudwatch.Alarm(
            self,
            "CpuAlarm",
            metric=self.db.metric_cpu_utilization().with_(period=Duration.minutes(5)),
            threshold=80,
            evaluation_periods=3,
        )
        # valid calls stay as they are, positional or keyword
        cloudwatch.Alarm(scope=self, id="Connections", metric=self.db.metric_database_connections(),
                         threshold=100, evaluation_periods=1)
