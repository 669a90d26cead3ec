import aws_cdk as cdk
import aws_cdk.aws_athena as athena
import aws_cdk.aws_glue as glue
import aws_cdk.aws_s3 as s3
from constructs import Construct

COLUMNS = [
    ("event_time", "timestamp"),
    ("user_id", "string"),
    ("session_id", "string"),
    ("page", "string"),
    ("referrer", "string"),
    ("user_agent", "string"),
]


class WebAnalyticsStack(cdk.Stack):
    """Glue table over Parquet page-view events, an Athena workgroup and saved queries."""

    def __init__(self, scope: Construct, construct_id: str, *, database_name: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        events_bucket = s3.Bucket(
            self,
            "EventsBucket",
            encryption=s3.BucketEncryption.S3_MANAGED,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
            versioned=True,
        )
        results_bucket = s3.Bucket(
            self,
            "QueryResults",
            encryption=s3.BucketEncryption.S3_MANAGED,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
            lifecycle_rules=[s3.LifecycleRule(expiration=cdk.Duration.days(30))],
            removal_policy=cdk.RemovalPolicy.DESTROY,
            auto_delete_objects=True,
        )

        database = glue.CfnDatabase(
            self,
            "Database",
            catalog_id=cdk.Aws.ACCOUNT_ID,
            database_input=glue.CfnDatabase.DatabaseInputProperty(name=database_name),
        )

        table = glue.CfnTable(
            self,
            "PageViews",
            catalog_id=cdk.Aws.ACCOUNT_ID,
            database_name=database_name,
            table_input=glue.CfnTable.TableInputProperty(
                name="page_views",
                table_type="EXTERNAL_TABLE",
                parameters={"classification": "parquet", "EXTERNAL": "TRUE"},
                partition_keys=[glue.CfnTable.ColumnProperty(name="dt", type="string")],
                storage_descriptor=glue.CfnTable.StorageDescriptorProperty(
                    location=f"s3://{events_bucket.bucket_name}/page_views/",
                    input_format="org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
                    output_format="org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
                    serde_info=glue.CfnTable.SerdeInfoProperty(
                        serialization_library="org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"
                    ),
                    columns=[glue.CfnTable.ColumnProperty(name=n, type=t) for n, t in COLUMNS],
                ),
            ),
        )
        table.add_dependency(database)

        workgroup = athena.CfnWorkGroup(
            self,
            "AnalyticsWorkgroup",
            name="web-analytics",
            recursive_delete_option=True,
            work_group_configuration=athena.CfnWorkGroup.WorkGroupConfigurationProperty(
                enforce_work_group_configuration=True,
                result_configuration=athena.CfnWorkGroup.ResultConfigurationProperty(
                    output_location=f"s3://{results_bucket.bucket_name}/athena/",
                ),
            ),
        )

        for name, sql in {
            "DailyActiveUsers": f"SELECT dt, count(DISTINCT user_id) AS dau FROM {database_name}.page_views GROUP BY dt ORDER BY dt DESC",
            "TopPages": f"SELECT page, count(*) AS views FROM {database_name}.page_views GROUP BY page ORDER BY views DESC LIMIT 20",
        }.items():
            query = athena.CfnNamedQuery(
                self,
                name,
                database=database_name,
                query_string=sql,
                work_group=workgroup.name,
                name=name,
            )
            query.add_dependency(workgroup)

        cdk.CfnOutput(self, "EventsBucketName", value=events_bucket.bucket_name)
