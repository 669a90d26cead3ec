import aws_cdk as cdk
from constructs import Construct


class JsonStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        cdk.aws_iam.PolicyDocument.from_json({
            "Statement": [{"Effect": "Allow", "Action": "s3:PutObjects", "Resource": "*"}],
        })
        cdk.aws_iam.CfnManagedPolicy(
            self,
            "Managed",
            policy_document={"Statement": [{"Effect": "Allow", "Action": ["kms:Decrypts", "kms:Encrypt"],
                                            "Resource": "*"}]},
        )
