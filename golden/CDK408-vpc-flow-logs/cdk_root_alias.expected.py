import aws_cdk as cdk
from constructs import Construct


class NetworkStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.vpc = cdk.aws_ec2.Vpc(self, "Vpc", max_azs=3)
        self.vpc.add_flow_log("FlowLog")
        self.other = cdk.aws_ec2.Vpc(self, "Other", max_azs=3)
        self._logging()

    def _logging(self) -> None:
        self.other.add_flow_log("OtherFlowLog")
