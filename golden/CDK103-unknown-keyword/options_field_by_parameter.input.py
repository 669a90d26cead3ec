from aws_cdk import Duration, Stack
from aws_cdk import aws_rds as rds


class DataStack(Stack):
    """`backup_window` belongs to `backup` (its field `preferred_window`): moved when that is free."""

    def __init__(self, scope, construct_id, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        rds.DatabaseCluster(
            self,
            "Db",
            engine=rds.DatabaseClusterEngine.aurora_postgres(version=rds.AuroraPostgresEngineVersion.VER_16_4),
            vpc=vpc,
            writer=rds.ClusterInstance.provisioned("Writer"),
            backup_window="03:00-04:00",
            backup=rds.BackupProps(retention=Duration.days(7)),
        )
        rds.DatabaseCluster(
            self,
            "Db2",
            engine=rds.DatabaseClusterEngine.aurora_postgres(version=rds.AuroraPostgresEngineVersion.VER_16_4),
            vpc=vpc,
            writer=rds.ClusterInstance.provisioned("Writer"),
            backup_window="03:00-04:00",
            backup=rds.BackupProps(retention=Duration.days(7), preferred_window="01:00-02:00"),
        )
