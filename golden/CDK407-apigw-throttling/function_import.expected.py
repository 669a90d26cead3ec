from constructs import Construct


def make_api(scope: Construct, name: str):
    from aws_cdk.aws_apigateway import RestApi, StageOptions

    return RestApi(
        scope,
        name,
        deploy_options=StageOptions(
            stage_name="live",
            throttling_rate_limit=100,
            throttling_burst_limit=200,
        ),
    )
