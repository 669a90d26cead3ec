from aws_cdk import CfnOutput, Duration, RemovalPolicy, Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_elasticache as elasticache
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_sns as sns
from aws_cdk import aws_apigatewayv2 as apigwv2
from aws_cdk.aws_apigatewayv2_integrations import HttpLambdaIntegration
from constructs import Construct

SCORE_CODE = """
import os, json, boto3, redis  # redis client comes from a layer in the real deployment

def handler(event, context):
    body = json.loads(event.get("body") or "{}")
    return {"statusCode": 200, "body": json.dumps({"player": body.get("player"), "rank": 1})}
"""


class LeaderboardStack(Stack):
    """Game leaderboard: Redis sorted sets for live ranks, DynamoDB for durable score history."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        vpc = ec2.Vpc(
            self,
            "GameVpc",
            max_azs=2,
            nat_gateways=1,
            enable_dns_logging=True,
        )

        scores = dynamodb.Table(
            self,
            "ScoreHistory",
            table_name="score-history",
            partition_key=dynamodb.Attribute(name="playerId", type=dynamodb.AttributeType.STRING),
            sort_key=dynamodb.Attribute(name="ts", type=dynamodb.AttributeType.NUMBER),
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
            removal_policy=RemovalPolicy.DESTROY,
        )

        redis_sg = ec2.SecurityGroup(self, "RedisSg", vpc=vpc)
        fn_sg = ec2.SecurityGroup(self, "ScoreFnSg", vpc=vpc)
        redis_sg.add_ingress_rule(fn_sg, ec2.Port.tcp(6379), "lambda to redis")

        subnet_group = elasticache.CfnSubnetGroup(
            self,
            "RedisSubnets",
            description="leaderboard redis",
            subnet_ids=[subnet.subnet_id for subnet in vpc.private_subnets],
        )

        redis = elasticache.CfnReplicationGroup(
            self,
            "LeaderboardRedis",
            description="Leaderboard sorted sets",
            replication_group_id="leaderboard-redis",
            engine="redis",
            cache_node_type="cache.r7g.large",
            num_node_groups=1,
            replicas_per_node_group=1,
            automatic_failover_enabled=True,
            transit_encryption_enabled=True,
            cache_subnet_group_name=subnet_group.ref,
            security_group_ids=[redis_sg.security_group_id],
        )

        self.score_fn = lambda_.Function(
            self,
            "SubmitScore",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline(SCORE_CODE),
            vpc=vpc,
            security_groups=[fn_sg],
            timeout=Duration.seconds(5),
            memory_size=512,
            environment={
                "REDIS_HOST": redis.attr_primary_end_point_address,
                "TABLE_NAME": scores.table_name,
            },
        )
        scores.grant_write_data(self.score_fn)

        api = apigwv2.HttpApi(self, "GameApi")
        api.add_routes(
            path="/scores",
            methods=[apigwv2.HttpMethod.POST],
            integration=HttpLambdaIntegration("ScoreIntegration", self.score_fn),
        )

        self.alarm_topic = sns.Topic(self, "GameAlarms")

        CfnOutput(self, "ApiUrl", value=api.api_endpoint)
