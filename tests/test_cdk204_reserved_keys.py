"""CDK204's reserved-key list is exactly what the installed aws-cdk-lib rejects."""

from __future__ import annotations

import glob
import os
import re
import tarfile

import aws_cdk

from remediator.transforms.cdk204_lambda_reserved_env_var import RESERVED


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
