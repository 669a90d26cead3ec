"""CDK204's reserved-key list is exactly what the installed aws-cdk-lib rejects."""

from __future__ import annotations

import glob
import os
import re
import tarfile

import aws_cdk

from remediator.transforms.deployment.cdk204_lambda_reserved_env_var import RESERVED


def test_reserved_keys_match_aws_cdk_lib() -> None:
    folder = os.path.join(os.path.dirname(aws_cdk.__file__), "_jsii")
    (tgz,) = glob.glob(os.path.join(folder, "aws-cdk-lib@*.jsii.tgz"))
    with tarfile.open(tgz) as tar:
        js = tar.extractfile("package/aws-lambda/lib/function.js").read().decode()  # type: ignore[union-attr]
    # addEnvironment(key, value, options){...if([...].includes(key))throw ...ReservedEnvironmentVariable
    m = re.search(r"addEnvironment\(key,value,options\)\{.*?if\(\[([^\]]*)\]\.includes\(key\)\)throw", js, re.S)
    assert m is not None, "aws-cdk-lib's reserved-key check was not found"
    keys = re.findall(r'"([^"]+)"', m.group(1))
    assert len(keys) > 10
    assert sorted(keys) == sorted(RESERVED)
    assert "ReservedEnvironmentVariable" in js[m.end(): m.end() + 400]


def test_function_classes_cover_the_api_index() -> None:
    """Every aws_cdk Lambda function class that takes a Lambda ``environment`` dict and has ``add_environment`` is a
    target (the alpha packages are not in aws-cdk-lib's assembly and are listed by hand)."""
    from remediator.api import get_index
    from remediator.analysis.cdk_facts import FUNCTIONS, L1_FUNCTIONS

    api = get_index(None, None)
    found = set()
    for cls in api.iter_types("class"):
        if not (api.is_subtype(cls, "aws_cdk.aws_lambda.FunctionBase") or cls.startswith("aws_cdk.aws_lambda")):
            continue  # ECS containers have add_environment too: their keys are not reserved
        env = (api.constructor_keywords(cls) or {}).get("environment")
        if env is not None and env.type == "dict[str, str]" and "add_environment" in (api.methods(cls) or {}):
            found.add(cls)
    assert "aws_cdk.aws_lambda.Function" in found
    assert found <= set(FUNCTIONS)
    assert {f for f in FUNCTIONS if "_alpha." not in f} <= found
    for l1 in L1_FUNCTIONS:
        assert api.is_class(l1) and "environment" in (api.constructor_keywords(l1) or {})
