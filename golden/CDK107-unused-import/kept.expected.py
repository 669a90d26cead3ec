"""Imports that stay although no name reads them."""
from __future__ import annotations

import sys  # noqa: F401
import logging  # noqa
from typing import TYPE_CHECKING

from aws_cdk import Stack
from aws_cdk import aws_iam as aws_iam
from aws_cdk import aws_lambda as lambda_
from constructs import Construct

try:
    import yaml
except ImportError:
    yaml_available = False

if TYPE_CHECKING:
    from aws_cdk import aws_kms as kms
    from aws_cdk import aws_ec2 as ec2

__all__ = ["FunctionStack", "lambda_"]


class FunctionStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, key: "kms.IKey", vpc=None) -> None:
        super().__init__(scope, construct_id)
        self.vpc = vpc  # type: ec2.IVpc
