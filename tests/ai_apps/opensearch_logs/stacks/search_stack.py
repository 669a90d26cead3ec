from aws_cdk import CfnOutput, RemovalPolicy, Stack
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_iam as iam
from aws_cdk import aws_logs as logs
from aws_cdk import aws_opensearchservice as opensearch
from constructs import Construct

from stacks.aspects import CostCenterTagger


class LogSearchStack(Stack):
    """OpenSearch domain (VPC, encrypted, fine-grained access control) for application logs."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        vpc = ec2.Vpc(self, "SearchVpc", cidr="10.50.0.0/16", max_azs=2)

        search_sg = ec2.SecurityGroup(self, "SearchSG", vpc=vpc, description="OpenSearch domain")
        search_sg.add_ingress_rule(ec2.Peer.ipv4(vpc.vpc_cidr_block), ec2.Port.tcp(443), "HTTPS from VPC")

        slow_logs = logs.LogGroup(self, "SlowSearchLogs", retention=logs.RetentionDays.ONE_MONTH)
        app_logs = logs.LogGroup(self, "AppLogs", retention=logs.RetentionDays.ONE_MONTH)

        domain = opensearch.Domain(
            self,
            "LogsDomain",
            version=opensearch.EngineVersion.OPENSEARCH_2_11,
            vpc=vpc,
            vpc_subnets=[ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS)],
            security_groups=[search_sg],
            capacity=opensearch.CapacityConfig(
                data_nodes=2,
                data_node_instance_type="r6g.large.search",
                master_nodes=3,
                master_node_instance_type="m6g.large.search",
            ),
            ebs=opensearch.EbsOptions(volume_size=100, volume_type=ec2.EbsDeviceVolumeType.GP3),
            zone_awareness=opensearch.ZoneAwarenessConfig(enabled=True, availability_zone_count=2),
            encryption_at_rest=opensearch.EncryptionAtRestOptions(enabled=True),
            node_to_node_encryption=True,
            enforce_https=True,
            fine_grained_access_control=opensearch.AdvancedSecurityOptions(master_user_name="admin"),
            logging=opensearch.LoggingOptions(
                slow_search_log_enabled=True,
                slow_search_log_group=slow_logs,
                app_log_enabled=True,
                app_log_group=app_logs,
            ),
            removal_policy=RemovalPolicy.DESTROY,
        )

        domain.add_access_policies(
            iam.PolicyStatement(
                actions=["es:ESHttp*"],
                principals=[iam.AccountRootPrincipal()],
                resources=[domain.domain_arn + "/*"],
            )
        )

        self.node.apply_aspect(CostCenterTagger("observability"))

        CfnOutput(self, "DomainEndpoint", value=domain.domain_endpoint)
