import aws_cdk.aws_rds as rds
import aws_cdk.aws_ec2 as ec2
from aws_cdk import Stack
from constructs import Construct


class DbStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc(self, "Vpc")
        engine = rds.DatabaseInstanceEngine.mysql(version=rds.MysqlEngineVersion.VER_8_0)
        rds.DatabaseInstance(
            self, "Db", engine=engine, vpc=vpc, preferred_maintenance_window="sun:05:00-sun:06:00"
        )
        # L1: the CloudFormation property names are keywords too
        rds.CfnDBInstance(self, "Raw", db_instance_class="db.t3.micro", engine="mysql",
                          allocated_storage="20", preferred_backup_window="03:00-04:00")
        # a static method
        rds.Credentials.from_generated_secret("admin", secret_name="db-admin")
