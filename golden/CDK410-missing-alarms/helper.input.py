from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from constructs import Construct

from .monitoring import add_alarms


class AppStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        code = lambda_.Code.from_asset("lambda")
        # handed to the app's own code, which may add the alarms
        api = lambda_.Function(self, "Api", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=code)
        add_alarms(self, api)
        jobs = lambda_.Function(self, "Jobs", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=code)
        self._watch(jobs)
        # an aws-cdk-lib method taking it is not the app's code
        cron = lambda_.Function(self, "Cron", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=code)
        self.export_value(cron.function_arn)

    def _watch(self, fn: lambda_.IFunction) -> None:
        fn.metric_errors().create_alarm(self, "JobsErrors", threshold=1, evaluation_periods=1)
