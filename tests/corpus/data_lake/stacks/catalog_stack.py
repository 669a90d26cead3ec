from aws_cdk import Stack, aws_glue as glue, aws_iam as iam, aws_s3 as s3, aws_athena as athena
from constructs import Construct


class CatalogStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, raw_bucket: s3.IBucket,
                 curated_bucket: s3.IBucket, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        database = glue.CfnDatabase(
            self, "LakeDatabase",
            catalog_id=self.account,
            database_input=glue.CfnDatabase.DatabaseInputProperty(name="lake"),
        )

        crawler_role = iam.Role(
            self, "CrawlerRole",
            assumed_by=iam.ServicePrincipal("glue.amazonaws.com"),
            managed_policies=[iam.ManagedPolicy.from_aws_managed_policy_name("service-role/AWSGlueServiceRole")],
        )
        raw_bucket.grant_read(crawler_role)
        crawler_role.add_to_policy(iam.PolicyStatement(actions=["s3:*"], resources=["*"]))

        glue.CfnCrawler(
            self, "RawCrawler",
            role=crawler_role.role_arn,
            database_name="lake",
            targets=glue.CfnCrawler.TargetsProperty(
                s3_targets=[glue.CfnCrawler.S3TargetProperty(path=f"s3://{raw_bucket.bucket_name}/")]
            ),
        )

        results = s3.Bucket(self, "AthenaResults", enforce_ssl=True)
        athena.CfnWorkGroup(
            self, "AnalystsWorkGroup",
            name="analysts",
            work_group_configuration=athena.CfnWorkGroup.WorkGroupConfigurationProperty(
                result_configuration=athena.CfnWorkGroup.ResultConfigurationProperty(
                    output_location=f"s3://{results.bucket_name}/results/"
                )
            ),
        )
        database.node.add_dependency(results)
