from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from constructs import Construct


class JsonStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        iam.PolicyDocument.from_json({
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"}],
        })
        iam.PolicyStatement.from_json({"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": ["*"]})
        iam.CfnPolicy(
            self,
            "Inline",
            policy_name="inline",
            roles=["app"],
            policy_document={"Version": "2012-10-17",
                             "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]},
        )
        iam.Grant.add_to_principal(grantee=iam.AccountRootPrincipal(), actions=["sqs:SendMessage"],
                                   resource_arns=["*"])
