import aws_cdk as cdk
from constructs import Construct


class AdminStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        self.queue = cdk.aws_sqs.Queue(self, "Jobs", enforce_ssl=True)
        fn_role = cdk.aws_iam.Role(self, "FnRole", assumed_by=cdk.aws_iam.ServicePrincipal("lambda.amazonaws.com"))
        fn_role.add_to_principal_policy(cdk.aws_iam.PolicyStatement(actions=["*"], resources=["*"]))
        fn_role.add_to_principal_policy(cdk.aws_iam.PolicyStatement(actions=["sqs:*"],
                                                                    resources=[self.queue.queue_arn]))
