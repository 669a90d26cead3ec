import aws_cdk
import constructs


class WebStack(aws_cdk.Stack):
    def __init__(self, scope: constructs.Construct, construct_id: str, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        alb = aws_cdk.aws_elasticloadbalancingv2.ApplicationLoadBalancer(self, "Public", vpc=vpc)


app = aws_cdk.App()
WebStack(app, "Web", vpc=None, env={"account": "123456789012", "region": "eu-west-1"})
