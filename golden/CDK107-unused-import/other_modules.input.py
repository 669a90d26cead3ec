import json
import os
from typing import Optional, Sequence

from aws_cdk import Stack, aws_ssm as ssm
from constructs import Construct


class ConfigStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, names: Sequence[str]) -> None:
        super().__init__(scope, construct_id)
        ssm.StringParameter(self, "Config", string_value=json.dumps(list(names)))
