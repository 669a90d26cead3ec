import aws_cdk as cdk
import aws_cdk.aws_ec2 as ec2
import aws_cdk.aws_rds as rds
import aws_cdk.aws_cloudwatch as cloudwatch
import aws_cdk.aws_sns as sns
from constructs import Construct


class PostgresStack(cdk.Stack):
    """PostgreSQL RDS instance with automated backups and basic alarms."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        vpc = ec2.Vpc(self, "Vpc", max_azs=2, nat_gateways=0,
                      subnet_configuration=[
                          ec2.SubnetConfiguration(name="isolated", subnet_type=ec2.SubnetType.PRIVATE_ISOLATED),
                      ])

        instance = rds.DatabaseInstance(
            self,
            "Postgres",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_15),
            instance_type=ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.MEDIUM),
            vpc=vpc,
            vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_ISOLATED),
            credentials=rds.Credentials.from_generated_secret("postgres"),
            database_name="app",
            allocated_storage=50,
            max_allocated_storage=200,
            storage_encrypted=True,
            multi_az=True,
            backup_retention=cdk.Duration.days(7),
            backup_window="02:00-03:00",
            preferred_maintenance_window="sun:04:00-sun:05:00",
            deletion_protection=True,
            enable_performance_insights=True,
            cloudwatch_logs_exports=["postgresql"],
        )

        alarm_topic = sns.Topic(self, "DbAlarms")

        cpu_alarm = cloudwatch.Alarm(
            self,
            "HighCpu",
            metric=instance.metric_cpu_utilization(),
            threshold=80,
            evaluation_periods=3,
            period=cdk.Duration.minutes(5),
            statistic="Average",
            comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        )
        cpu_alarm.add_alarm_action(cloudwatch.SnsAction(alarm_topic))

        storage_alarm = cloudwatch.Alarm(
            self,
            "LowStorage",
            metric=instance.metric_free_storage_space(),
            threshold=5 * 1024 * 1024 * 1024,
            evaluation_periods=1,
            comparison_operator=cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        )
        storage_alarm.add_alarm_action(cloudwatch.SnsAction(alarm_topic))

        cdk.CfnOutput(self, "DbEndpoint", value=instance.db_instance_endpoint_address)
