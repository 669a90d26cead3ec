from aws_cdk import Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_kms as kms
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_s3 as s3
from aws_cdk import CfnOutput
from aws_cdk import Fn
from constructs import Construct


class DataStack(Stack):
    """Every kind the rule outputs, spelled with module aliases; no CfnOutput import yet."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.vpc = ec2.Vpc(self, "AppVpc", max_azs=2)
        CfnOutput(self, "AppVpcId", value=self.vpc.vpc_id)
        CfnOutput(
            self,
            "AppVpcPublicSubnetIds",
            value=Fn.join(",", [subnet.subnet_id for subnet in self.vpc.public_subnets]),
        )
        CfnOutput(
            self,
            "AppVpcPrivateSubnetIds",
            value=Fn.join(",", [subnet.subnet_id for subnet in self.vpc.private_subnets]),
        )
        key = kms.Key(self, "DataKey", enable_key_rotation=True)
        CfnOutput(self, "DataKeyArn", value=key.key_arn)
        data_bucket = s3.Bucket(self, "DataBucket", encryption_key=key)
        CfnOutput(self, "DataBucketArn", value=data_bucket.bucket_arn)
        table = dynamodb.Table(
            self,
            "Orders",
            partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
        )
        CfnOutput(self, "OrdersTableArn", value=table.table_arn)
        worker = lambda_.Function(
            self,
            "Worker",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_asset("lambda"),
            environment={"TABLE": table.table_name, "BUCKET": data_bucket.bucket_name},
        )
        CfnOutput(self, "WorkerFunctionArn", value=worker.function_arn)
        table.grant_read_write_data(worker)
        data_bucket.grant_read(worker)
