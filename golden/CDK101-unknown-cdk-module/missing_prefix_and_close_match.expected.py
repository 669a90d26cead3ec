from aws_cdk import Stack
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_stepfunctions as sfn
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(self, "Data", enforce_ssl=True)
        start = sfn.Pass(self, "Start")
        sfn.StateMachine(self, "Flow", definition_body=sfn.DefinitionBody.from_chainable(start))
