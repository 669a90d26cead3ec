from aws_cdk import Stack, Tags, Aspects
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_ec2 as ec2
import aws_cdk.aws_rds as rds
from aws_cdk import aws_sns as sns
from aws_cdk import aws_cloudwatch_actions as cw_actions
from constructs import Construct


class DatabaseStack(Stack):
    """Classes found in a companion module, CDK v1 methods that moved, constants matched by their
    version numbers, and members renamed by their documented meaning."""

    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        Aspects.of(self).add(Tags("owner"))  # CDK v1: Aspects.of(self).add(...)
        cluster = rds.DatabaseCluster(
            self,
            "Db",
            engine=rds.DatabaseClusterEngine.aurora_mysql(version=rds.AuroraMysqlEngineVersion.VER_3_02_0),
            writer=rds.ClusterInstance.provisioned(
                "Writer", performance_insight_retention=rds.PerformanceInsightRetention.DEFAULT),
            vpc=vpc,
        )
        topic = sns.Topic(self, "Alarms")
        alarm = cluster.metric_cpu_utilization().create_alarm(self, "Cpu", threshold=80, evaluation_periods=3)
        alarm.add_alarm_action(cw_actions.SnsAction(topic))  # aws_cloudwatch_actions.SnsAction
        # several versions fit "8_0": reported with candidates, not guessed
        rds.AuroraMysqlEngineVersion.VER_8_0_MYSQL
