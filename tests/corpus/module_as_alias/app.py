import aws_cdk as core
import aws_cdk.aws_dynamodb as ddb
import aws_cdk.aws_lambda as lmb
import aws_cdk.aws_cloudwatch as cw
import aws_cdk.aws_sns as sns
from constructs import Construct


class LeaderboardStack(core.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        scores = ddb.Table(
            self, "Scores",
            partition_key=ddb.Attribute(name="game", type=ddb.AttributeType.STRING),
            sort_key=ddb.Attribute(name="score", type=ddb.AttributeType.NUMBER),
            removal_policy=core.RemovalPolicy.DESTROY,
        )
        scores.add_global_secondary_index(
            index_name="by-player",
            partition_key=ddb.Attribute(name="player", type=ddb.AttributeType.STRING),
        )

        submit = lmb.Function(
            self, "Submit",
            runtime=lmb.Runtime.NODEJS_20_X,
            handler="submit.handler",
            code=lmb.Code.from_asset("handlers"),
            environment={"TABLE": scores.table_name},
        )
        scores.grant_write_data(submit)

        alerts = sns.Topic(self, "Alerts")
        cw.Alarm(
            self, "SubmitErrors",
            metric=submit.metric_errors(period=core.Duration.minutes(5)),
            threshold=5,
            evaluation_periods=1,
        )
        core.CfnOutput(self, "AlertsTopic", value=alerts.topic_arn)


app = core.App()
LeaderboardStack(app, "Leaderboard")
app.synth()
