from constructs import Construct


def make_api(scope: Construct, name: str):
    from aws_cdk import aws_apigateway as gw

    return gw.RestApi(scope, name)
