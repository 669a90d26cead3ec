from constructs import Construct


def build_network(scope: Construct):
    from aws_cdk import aws_ec2

    vpc = aws_ec2.Vpc(scope, "Vpc", nat_gateways=1)
    vpc.add_gateway_endpoint("S3Endpoint", service=aws_ec2.GatewayVpcEndpointAwsService.S3)
    vpc.add_gateway_endpoint("DynamoDbEndpoint", service=aws_ec2.GatewayVpcEndpointAwsService.DYNAMODB)
    return vpc
