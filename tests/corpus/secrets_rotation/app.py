import aws_cdk as cdk
from aws_cdk import aws_secretsmanager as secretsmanager
from aws_cdk import aws_rds as rds
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_lambda as lambda_


class CredentialsStack(cdk.Stack):
    def __init__(self, scope, construct_id, **kwargs):
        super().__init__(scope, construct_id, **kwargs)

        vpc = ec2.Vpc.from_lookup(self, "Vpc", is_default=True)

        api_token = secretsmanager.Secret(
            self,
            "ThirdPartyToken",
            secret_name="payments/api-token",
            description="Token for the payments provider",
        )

        cluster = rds.DatabaseCluster(
            self,
            "Aurora",
            engine=rds.DatabaseClusterEngine.aurora_mysql(version=rds.AuroraMysqlEngineVersion.VER_3_05_2),
            credentials=rds.Credentials.from_generated_secret("admin"),
            writer=rds.ClusterInstance.serverless_v2("writer"),
            readers=[rds.ClusterInstance.serverless_v2("reader", scale_with_writer=True)],
            vpc=vpc,
            removal_policy=cdk.RemovalPolicy.DESTROY,
        )
        cluster.add_rotation_single_user(automatically_after=cdk.Duration.days(30))

        consumer = lambda_.Function(
            self, "Consumer",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="app.main",
            code=lambda_.Code.from_asset("consumer"),
            environment={"TOKEN_ARN": api_token.secret_arn},
        )
        api_token.grant_read(consumer)

        cdk.CfnOutput(self, "TokenArn", value=api_token.secret_arn)
        cdk.CfnOutput(self, "DbPassword", value=cluster.secret.secret_value.unsafe_unwrap())


app = cdk.App()
CredentialsStack(app, "Credentials", env=cdk.Environment(account="111111111111", region="us-east-2"))
app.synth()
