from aws_cdk import core
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_rds as rds
from aws_cdk import aws_secretsmanager as secretsmanager
from aws_cdk import aws_kms as kms


class AuroraDatabaseStack(core.Stack):
    """Aurora MySQL cluster in a private VPC with credentials in Secrets Manager."""

    def __init__(self, scope: core.Construct, construct_id: str, stage: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        vpc = ec2.Vpc(
            self,
            "DatabaseVpc",
            max_azs=2,
            subnet_configuration=[
                ec2.SubnetConfiguration(name="public", subnet_type=ec2.SubnetType.PUBLIC),
                ec2.SubnetConfiguration(name="app", subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS),
                ec2.SubnetConfiguration(name="db", subnet_type=ec2.SubnetType.PRIVATE_ISOLATED),
            ],
        )

        db_key = kms.Key(self, "DatabaseKey", description="Aurora storage encryption key")

        # Master credentials generated and stored in Secrets Manager
        db_secret = secretsmanager.Secret(
            self,
            "DatabaseSecret",
            secret_name=f"aurora-{stage}-credentials",
            generate_secret_string=secretsmanager.SecretStringGenerator(
                secret_string_template='{"username": "admin"}',
                generate_string_key="password",
                exclude_punctuation=True,
                password_length=32,
            ),
        )

        db_sg = ec2.SecurityGroup(self, "DatabaseSG", vpc=vpc, description="Aurora access")
        db_sg.add_ingress_rule(ec2.Peer.ipv4(vpc.vpc_cidr_block), ec2.Port.tcp(3306), "MySQL from VPC")

        # Tuned parameters for the app workload (binlog for CDC, slow query log)
        parameter_group = rds.ParameterGroup(
            self,
            "ClusterParams",
            engine=rds.DatabaseClusterEngine.aurora_mysql(
                version=rds.AuroraMysqlEngineVersion.VER_8_0_MYSQL_3_02_0
            ),
            parameters={
                "binlog_format": "ROW",
                "slow_query_log": "1",
                "long_query_time": "2",
            },
        )

        self.cluster = rds.DatabaseCluster(
            self,
            "AuroraCluster",
            engine=rds.DatabaseClusterEngine.aurora_mysql(
                version=rds.AuroraMysqlEngineVersion.VER_8_0_MYSQL_3_02_0
            ),
            credentials=rds.Credentials.from_secret(db_secret),
            default_database_name="appdb",
            parameter_group=parameter_group,
            writer=rds.ClusterInstance.provisioned(
                "writer",
                instance_type=ec2.InstanceType.of(ec2.InstanceClass.R6G, ec2.InstanceSize.LARGE),
                enable_performance_insights=True,
                performance_insight_retention=rds.PerformanceInsightRetention.DAYS_7,
            ),
            readers=[
                rds.ClusterInstance.provisioned(
                    "reader1",
                    instance_type=ec2.InstanceType.of(ec2.InstanceClass.R6G, ec2.InstanceSize.LARGE),
                )
            ],
            vpc=vpc,
            vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_ISOLATED),
            security_groups=[db_sg],
            storage_encrypted=True,
            storage_encryption_key=db_key,
            backup_window="03:00-04:00",
            backup=rds.BackupProps(retention=core.Duration.days(7)),
            deletion_protection=False,
            removal_policy=core.RemovalPolicy.DESTROY,
        )

        # Application API key kept next to the DB credentials
        secretsmanager.Secret(
            self,
            "AppApiKey",
            secret_string_value=secretsmanager.SecretValue.unsafe_plain_text("change-me"),
        )

        core.CfnOutput(self, "ClusterEndpoint", value=self.cluster.cluster_endpoint.hostname)
        core.CfnOutput(self, "SecretArn", value=db_secret.secret_arn)
