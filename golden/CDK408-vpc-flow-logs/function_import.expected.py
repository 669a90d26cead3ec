from constructs import Construct


def build_network(scope: Construct):
    from aws_cdk import aws_ec2

    vpc = aws_ec2.Vpc(scope, "Vpc")
    vpc.add_flow_log("FlowLog")
    return vpc
