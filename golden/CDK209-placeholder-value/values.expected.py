from aws_cdk import Environment, Stack
from aws_cdk import aws_codebuild as codebuild
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_iam as iam
from aws_cdk import aws_sns as sns
from aws_cdk.aws_sns_subscriptions import EmailSubscription
from constructs import Construct

ALERTS_EMAIL = "ops@yourcompany.com"


class ValuesStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        topic = sns.Topic(self, "Alerts")
        topic.add_subscription(EmailSubscription(ALERTS_EMAIL))
        ec2.Instance(self, "Bastion", instance_type=ec2.InstanceType("t3.micro"), machine_image=ec2.MachineImage.latest_amazon_linux2023(),
                     vpc=ec2.Vpc.from_lookup(self, "Vpc", vpc_id="vpc-xxxxxxxx"), key_name="your-key-pair")
        iam.Role(self, "CrossAccount", assumed_by=iam.AccountPrincipal("123456789012"))
        codebuild.Project(
            self,
            "Build",
            source=codebuild.Source.git_hub(
                owner="github_user",  # TODO: Replace with your GitHub username
                repo="app",
            ),
            environment_variables={"API_TOKEN": codebuild.BuildEnvironmentVariable(value="CHANGEME")},
        )


env = Environment(account="YOUR_ACCOUNT_ID", region="<your-region>")
