import aws_cdk as cdk
from constructs import Construct


class NetworkStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.vpc = cdk.aws_ec2.Vpc(self, "Vpc", nat_gateways=2)
        self.vpc.add_gateway_endpoint("S3Endpoint", service=cdk.aws_ec2.GatewayVpcEndpointAwsService.S3)
        self.vpc.add_gateway_endpoint("Dynamo", service=cdk.aws_ec2.GatewayVpcEndpointAwsService.DYNAMODB)
