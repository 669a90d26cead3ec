import aws_cdk
import constructs


class AppStack(aws_cdk.Stack):
    def __init__(self, scope: constructs.Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        handler_function = aws_cdk.aws_lambda.Function(
            self,
            "Handler",
            runtime=aws_cdk.aws_lambda.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=aws_cdk.aws_lambda.Code.from_asset("lambda"),
        )
        handler_function.metric_errors().create_alarm(
            self,
            "HandlerErrorsAlarm2",
            threshold=1,
            evaluation_periods=1,
            treat_missing_data=aws_cdk.aws_cloudwatch.TreatMissingData.NOT_BREACHING,
        )
        aws_cdk.aws_sns.Topic(self, "HandlerErrorsAlarm")  # the id the fix would take is used already
