from aws_cdk import Stack
from aws_cdk import aws_ecs as ecs
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_s3_deployment as s3deploy
from aws_cdk import aws_stepfunctions as sfn
from aws_cdk.aws_ecr_assets import DockerImageAsset
from aws_cdk.aws_s3_assets import Asset
from constructs import Construct


class AssetsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        lambda_.Function(
            self,
            "Api",
            runtime=lambda_.Runtime.NODEJS_20_X,
            handler="index.handler",
            code=lambda_.Code.from_asset("assets/lambda/api"),
        )
        lambda_.Function(
            self,
            "Worker",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_asset("assets/lambda/worker"),
        )
        s3deploy.Source.asset("./assets/site")
        Asset(self, "Script", path="assets/scripts/bootstrap.sh")
        DockerImageAsset(self, "Web", directory="assets/docker/web")
        DockerImageAsset(self, "Api2", directory="assets/docker/api")
        ecs.ContainerImage.from_asset("assets/docker/worker")
        lambda_.DockerImageCode.from_image_asset(directory="assets/docker/lambda")
        sfn.DefinitionBody.from_file("assets/flow.asl.json")
        sfn.DefinitionBody.from_file("assets/missing.asl.json")
        lambda_.AssetCode("assets/lambda/legacy")
