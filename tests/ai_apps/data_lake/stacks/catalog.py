from aws_cdk import Stack
from aws_cdk import aws_athena as athena
from aws_cdk import aws_glue as glue
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3
from constructs import Construct


class DataCatalogStack(Stack):
    """Glue database + crawler over the raw zone, and an Athena workgroup for analysts."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        raw_bucket: s3.IBucket,
        curated_bucket: s3.IBucket,
        results_bucket: s3.IBucket,
        **kwargs,
    ) -> None:
        super().__init__(scope, construct_id, **kwargs)

        database = glue.CfnDatabase(
            self,
            "LakeDatabase",
            catalog_id=self.account,
            database_input=glue.CfnDatabase.DatabaseInputProperty(name="datalake", description="Data lake tables"),
        )

        crawler_role = iam.Role(
            self,
            "CrawlerRole",
            role_name="datalake-glue-crawler",
            assumed_by=iam.ServicePrincipal("glue.amazonaws.com"),
            managed_policies=[iam.ManagedPolicy.from_aws_managed_policy_name("service-role/AWSGlueServiceRole")],
        )
        raw_bucket.grant(crawler_role, "s3:GetObject")
        raw_bucket.grant(crawler_role, "s3:ListBucket")
        curated_bucket.grant_read(crawler_role)

        glue.CfnCrawler(
            self,
            "RawCrawler",
            name="datalake-raw-crawler",
            role=crawler_role.role_arn,
            database_name="datalake",
            targets=glue.CfnCrawler.TargetsProperty(
                s3_targets=[glue.CfnCrawler.S3TargetProperty(path=f"s3://{raw_bucket.bucket_name}/")]
            ),
            schedule=glue.CfnCrawler.ScheduleProperty(schedule_expression="cron(0 2 * * ? *)"),
        ).add_dependency(database)

        athena.CfnWorkGroup(
            self,
            "AnalystsWorkGroup",
            name="analysts",
            state="ENABLED",
            work_group_configuration=athena.CfnWorkGroup.WorkGroupConfigurationProperty(
                enforce_work_group_configuration=True,
                publish_cloud_watch_metrics_enabled=True,
                bytes_scanned_cutoff_per_query=10 * 1024 * 1024 * 1024,
                result_configuration=athena.CfnWorkGroup.ResultConfigurationProperty(
                    output_location=f"s3://{results_bucket.bucket_name}/results/",
                    encryption_configuration=athena.CfnWorkGroup.EncryptionConfigurationProperty(
                        encryption_option="SSE_S3"
                    ),
                ),
            ),
        )
