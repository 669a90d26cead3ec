import aws_cdk
import constructs


class NetworkStack(aws_cdk.Stack):
    def __init__(self, scope: constructs.Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        network_vpc = aws_cdk.aws_ec2.Vpc(self, "Network", max_azs=2)
        network_vpc.add_gateway_endpoint("S3Endpoint2", service=aws_cdk.aws_ec2.GatewayVpcEndpointAwsService.S3)
        network_vpc.add_gateway_endpoint("DynamoDbEndpoint", service=aws_cdk.aws_ec2.GatewayVpcEndpointAwsService.DYNAMODB)
        aws_cdk.aws_s3.Bucket(self, "S3Endpoint")  # the id the fix would take is used already
