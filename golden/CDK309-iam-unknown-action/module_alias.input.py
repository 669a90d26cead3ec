from aws_cdk import Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_iam as iam
from constructs import Construct


class ActionsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, role: iam.IRole, table: dynamodb.ITable) -> None:
        super().__init__(scope, construct_id)
        statement = iam.PolicyStatement(
            actions=["s3:GetObjects", "s3:Get*", "s3:Fetch*", "dynamo:Query", "SQS:sendmessage"],
            resources=["*"],
        )
        statement.add_actions("dynamodb:GetItems")
        role.add_to_policy(statement)
        table.grant(role, "dynamodb:PutItems", "dynamodb:PutItem")
        iam.PolicyStatement(not_actions=["iam:CreateUsers"], resources=["*"])
