import aws_cdk as cdk
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_rds as rds
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct


class OutputsStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc) -> None:
        super().__init__(scope, construct_id)
        api_secret = secretsmanager.Secret(self, "ApiSecret")
        database = rds.DatabaseInstance(self, "Database", engine=rds.DatabaseInstanceEngine.POSTGRES, vpc=vpc)
        cdk.CfnOutput(self, "ApiSecretArn", value=api_secret.secret_arn)
        cdk.CfnOutput(self, "DatabaseSecretName", value=database.secret.secret_name)
        cdk.CfnOutput(self, "ApiSecretValue", value=api_secret.secret_value.unsafe_unwrap())
        cdk.CfnOutput(self, "Password", value=api_secret.secret_value_from_json("password").to_string())
        cdk.CfnOutput(self, "DatabaseEndpoint", value=database.db_instance_endpoint_address)
