"""The aws-cdk-lib API index against the real assembly and the generated Python of aws-cdk-lib."""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import shutil
import subprocess
import sys

import pytest

import remediator.api as api_mod
from remediator.api import ApiIndex, build_data, build_index, encode, get_index, load_bundled, locate
from remediator.api.build import FORMAT, python_fqn, snake_case

ASSEMBLY = locate.from_interpreter()
needs_cdk = pytest.mark.skipif(ASSEMBLY is None, reason="aws-cdk-lib is not installed")


@pytest.fixture(scope="module")
def fresh_data() -> dict:
    """Index data built now from the installed assembly (no cache involved)."""
    assert ASSEMBLY is not None
    return build_data(ASSEMBLY)


@pytest.fixture(scope="module")
def fresh(fresh_data: dict) -> ApiIndex:
    return ApiIndex.from_data(fresh_data, "fresh build")


@pytest.fixture(scope="module")
def bundled() -> ApiIndex:
    return load_bundled()


# -- facts of aws-cdk-lib 2.275.0 ---------------------------------------------------------------
@needs_cdk
def test_modules(fresh: ApiIndex) -> None:
    assert fresh.version == ASSEMBLY.version
    assert fresh.module_exists("aws_cdk")
    assert fresh.module_exists("aws_cdk.aws_s3")
    assert fresh.module_exists("aws_cdk.aws_elasticloadbalancingv2")
    assert fresh.module_exists("aws_cdk.aws_cloudfront.experimental")
    assert fresh.module_exists("constructs")
    assert not fresh.module_exists("aws_cdk.aws_elbv2")
    assert not fresh.module_exists("aws_cdk.core")
    # a jsii submodule without types has no Python module (``from aws_cdk import assets`` fails)
    assert not fresh.module_exists("aws_cdk.assets")


@needs_cdk
def test_modules_are_the_generated_python_packages(fresh: ApiIndex) -> None:
    site = os.path.dirname(os.path.dirname(os.path.dirname(ASSEMBLY.tgz)))
    on_disk = set()
    for root, _dirs, files in os.walk(os.path.join(site, "aws_cdk")):
        if "__init__.py" in files and "_jsii" not in root.split(os.sep) and "__pycache__" not in root:
            on_disk.add(os.path.relpath(root, site).replace(os.sep, "."))
    assert on_disk == {m for m in fresh.modules if m.startswith("aws_cdk")}


@needs_cdk
def test_kinds(fresh: ApiIndex) -> None:
    assert fresh.kind("aws_cdk.aws_s3.Bucket") == "class"
    assert fresh.kind("aws_cdk.aws_s3.BucketProps") == "struct"
    assert fresh.kind("aws_cdk.aws_s3.IBucket") == "interface"
    assert fresh.kind("aws_cdk.aws_logs.RetentionDays") == "enum"
    assert fresh.kind("aws_cdk.Stack") == "class"
    assert fresh.kind("constructs.Construct") == "class"
    assert fresh.kind("aws_cdk.aws_s3.CfnBucket.LifecycleConfigurationProperty") == "struct"
    assert fresh.kind("aws_cdk.aws_s3.NoSuchThing") is None
    assert fresh.is_abstract("aws_cdk.aws_s3.BucketBase")
    assert fresh.module_of("aws_cdk.aws_s3.CfnBucket.LifecycleConfigurationProperty") == "aws_cdk.aws_s3"
    assert fresh.is_subtype("aws_cdk.aws_s3.Bucket", "aws_cdk.aws_s3.IBucket")
    assert fresh.is_subtype("aws_cdk.aws_s3.Bucket", "constructs.Construct")
    assert not fresh.is_subtype("aws_cdk.aws_s3.Bucket", "aws_cdk.Stack")


@needs_cdk
def test_constructor_props_include_inherited_ones(fresh: ApiIndex) -> None:
    table = fresh.constructor_keywords("aws_cdk.aws_dynamodb.Table")
    assert table is not None
    # TableProps (2.275: optional, "exactly one of partitionKey and partitionKeys")
    assert not table["partition_key"].required and table["partition_key"].keyword_only
    assert table["partition_key"].type == "aws_cdk.aws_dynamodb.Attribute"
    assert not table["billing_mode"].required  # TableOptions, the parent of TableProps
    assert "point_in_time_recovery_specification" in table
    assert table["scope"].required and not table["scope"].keyword_only
    fn = fresh.constructor_keywords("aws_cdk.aws_lambda.Function")
    assert fn is not None
    assert fn["runtime"].required and fn["handler"].required and fn["code"].required
    assert not fn["timeout"].required and fn["timeout"].type == "aws_cdk.Duration"  # FunctionOptions
    assert "on_failure" in fn  # EventInvokeConfigOptions, two levels up
    rds = fresh.constructor_keywords("aws_cdk.aws_rds.DatabaseInstance")
    assert rds is not None and "preferred_backup_window" in rds and "backup_window" not in rds
    trail = fresh.constructor_keywords("aws_cdk.aws_cloudtrail.Trail")
    assert trail is not None and "cloud_watch_log_group" in trail and "cloud_watch_logs_group" not in trail
    assert fresh.constructor("aws_cdk.aws_s3.IBucket") is None
    positional = [p.name for p in fresh.constructor("aws_cdk.aws_s3.Bucket") or () if not p.keyword_only]
    assert positional == ["scope", "id"]


@needs_cdk
def test_enum_members(fresh: ApiIndex) -> None:
    members = fresh.enum_members("aws_cdk.aws_logs.RetentionDays")
    assert "ONE_MONTH" in members and "ONE_WEEK" in members and "INFINITE" in members
    assert "THIRTY_DAYS" not in members and "SEVEN_DAYS" not in members
    assert members.index("ONE_WEEK") < members.index("ONE_MONTH")  # declaration order
    assert fresh.exists("aws_cdk.aws_logs.RetentionDays.ONE_MONTH")
    assert not fresh.exists("aws_cdk.aws_logs.RetentionDays.THIRTY_DAYS")


@needs_cdk
def test_deprecations(fresh: ApiIndex) -> None:
    note = fresh.deprecation("aws_cdk.aws_dynamodb.TableProps", "point_in_time_recovery")
    assert note is not None and "pointInTimeRecoverySpecification" in note
    assert snake_case("pointInTimeRecoverySpecification") == "point_in_time_recovery_specification"
    assert "point_in_time_recovery" in fresh.deprecated_keywords("aws_cdk.aws_dynamodb.Table")
    assert "loggingFormat" in (fresh.deprecation("aws_cdk.aws_lambda.FunctionProps", "log_format") or "")
    assert fresh.deprecation("aws_cdk.aws_dynamodb.TableProps", "partition_key") is None
    assert fresh.deprecation("aws_cdk.aws_s3.Bucket") is None


@needs_cdk
def test_methods_and_parameters(fresh: ApiIndex) -> None:
    grant_read = fresh.method("aws_cdk.aws_s3.Bucket", "grant_read")
    assert grant_read is not None and not grant_read.static
    assert grant_read.owner == "aws_cdk.aws_s3.BucketBase"  # inherited
    assert [p.name for p in grant_read.params] == ["identity", "objects_key_pattern"]
    assert grant_read.required == ["identity"]
    assert grant_read.returns == "aws_cdk.aws_iam.Grant"
    # Bucket has no ``grant`` (AttributeError at synth), Table and Key do
    assert fresh.method("aws_cdk.aws_s3.Bucket", "grant") is None
    assert fresh.has_attribute("aws_cdk.aws_s3.Bucket", "grants")
    assert fresh.method("aws_cdk.aws_dynamodb.Table", "grant") is not None
    assert fresh.method("aws_cdk.aws_kms.Key", "grant") is not None
    days = fresh.method("aws_cdk.Duration", "days")
    assert days is not None and days.static and days.returns == "aws_cdk.Duration"
    # a trailing struct parameter becomes keyword-only arguments (jsii Python)
    from_asset = fresh.method("aws_cdk.aws_lambda.Code", "from_asset")
    assert from_asset is not None and from_asset.static
    assert from_asset.required == ["path"] and "exclude" in from_asset.keywords
    assert from_asset.keywords["exclude"].keyword_only
    # required struct fields stay required although the struct parameter is optional
    fields = fresh.method("aws_cdk.aws_apigateway.AccessLogFormat", "json_with_standard_fields")
    assert fields is not None and len(fields.required) == 9 and "http_method" in fields.required
    assert "add_to_resource_policy" in fresh.methods("aws_cdk.aws_s3.Bucket")
    assert "json_with_standard_fields" in fresh.static_methods("aws_cdk.aws_apigateway.AccessLogFormat")


@needs_cdk
def test_properties_and_constants(fresh: ApiIndex) -> None:
    arn = fresh.property("aws_cdk.aws_s3.Bucket", "bucket_arn")
    assert arn is not None and arn.readonly and arn.type == "str" and not arn.static
    assert fresh.property("aws_cdk.aws_lambda.Runtime", "PYTHON_3_12") is not None
    assert fresh.property("aws_cdk.aws_lambda.Runtime", "PYTHON_3_12").static
    # jsii-pacmak appends "_" to constants named like Python keywords
    assert fresh.exists("aws_cdk.aws_ec2.InterfaceVpcEndpointAwsService.LAMBDA_")
    assert fresh.exists("aws_cdk.aws_s3.BlockPublicAccess.BLOCK_ALL")
    env = fresh.property("aws_cdk.Stack", "environment")
    assert env is not None and env.readonly


@needs_cdk
def test_modules_defining(fresh: ApiIndex) -> None:
    assert fresh.modules_defining("SnsAction") == ["aws_cdk.aws_cloudwatch_actions"]
    assert fresh.modules_defining("Construct") == ["constructs"]
    assert fresh.modules_defining("Stack") == ["aws_cdk"]
    assert "aws_cdk.aws_secretsmanager" not in fresh.modules_defining("SecretValue")
    assert fresh.modules_defining("SecretValue") == ["aws_cdk"]
    assert len(fresh.modules_defining("CfnOutput")) == 1
    assert fresh.modules_defining("NoSuchThingAnywhere") == []


@needs_cdk
def test_name_exists_forms(fresh: ApiIndex) -> None:
    assert fresh.name_exists("aws_cdk.aws_rds.DatabaseInstance(preferred_backup_window)")
    assert not fresh.name_exists("aws_cdk.aws_rds.DatabaseInstance(backup_window)")
    assert fresh.name_exists("aws_cdk.aws_s3.Bucket.grant_read(objects_key_pattern)")
    assert not fresh.name_exists("aws_cdk.aws_s3.Bucket.grant(objects_key_pattern)")
    assert fresh.name_exists("aws_cdk.aws_logs.RetentionDays.ONE_MONTH")
    assert fresh.name_exists("aws_cdk.aws_elasticloadbalancingv2")
    assert not fresh.name_exists("aws_cdk.aws_elbv2")


@needs_cdk
def test_expired_feature_flags(fresh: ApiIndex) -> None:
    flags = fresh.expired_feature_flags
    assert "@aws-cdk/core:enableStackNameDuplicates" in flags
    assert "@aws-cdk/aws-kms:defaultKeyPolicies" in flags
    assert "@aws-cdk/core:newStyleStackSynthesis" not in flags  # still a v2 flag
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: cannot compare with aws-cdk-lib's own computation")
    site = os.path.dirname(os.path.dirname(os.path.dirname(ASSEMBLY.tgz)))
    # aws-cdk-lib's own value, computed by node from the same file (unpacked from the wheel's tgz)
    import tarfile
    import tempfile

    with tempfile.TemporaryDirectory() as tmp, tarfile.open(ASSEMBLY.tgz) as tar:
        names = [m for m in tar.getmembers() if m.name.startswith("package/cx-api/lib/")]
        tar.extractall(tmp, members=names)
        script = ("const f = require(process.argv[1]); "
                  "process.stdout.write(JSON.stringify(f.CURRENT_VERSION_EXPIRED_FLAGS))")
        out = subprocess.run([node, "-e", script, os.path.join(tmp, "package", "cx-api", "lib", "features.js")],
                             capture_output=True, text=True, timeout=60, cwd=site)
    if out.returncode != 0:
        pytest.skip(f"node could not load features.js: {out.stderr[-300:]}")
    assert list(flags) == json.loads(out.stdout)


# -- names agree with the Python that jsii generated --------------------------------------------
def _jsii_type(node: ast.ClassDef) -> str | None:
    for kw in node.keywords:
        if kw.arg == "jsii_type" and isinstance(kw.value, ast.Constant):
            return kw.value.value
    for dec in node.decorator_list:
        if isinstance(dec, ast.Call):
            for kw in dec.keywords:
                if kw.arg == "jsii_type" and isinstance(kw.value, ast.Constant):
                    return kw.value.value
    return None


def _generated_classes(module: str):
    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin
    with open(spec.origin, encoding="utf-8") as fh:
        tree = ast.parse(fh.read())

    def walk(body, prefix):
        for node in body:
            if isinstance(node, ast.ClassDef):
                yield f"{prefix}.{node.name}", node
                yield from walk(node.body, f"{prefix}.{node.name}")

    yield from walk(tree.body, module)


@needs_cdk
@pytest.mark.parametrize("module", ["aws_cdk.aws_s3", "aws_cdk.aws_logs", "aws_cdk.aws_dynamodb",
                                    "aws_cdk.aws_lambda", "aws_cdk.aws_cloudwatch_actions", "aws_cdk",
                                    "aws_cdk.aws_apigateway", "aws_cdk.aws_rds", "aws_cdk.aws_config"])
def test_python_names_match_generated_code(fresh: ApiIndex, module: str) -> None:
    roots = {"aws-cdk-lib": "aws_cdk", "constructs": "constructs"}
    checked = 0
    for qualname, node in _generated_classes(module):
        jsii_type = _jsii_type(node)
        if jsii_type is None or node.name.startswith("_"):
            continue  # proxies of interfaces carry the interface's jsii type
        assert python_fqn(jsii_type, roots) == qualname
        assert fresh.has_type(qualname), qualname
        attrs = fresh.attributes(qualname)
        for item in node.body:
            if isinstance(item, ast.FunctionDef) and item.name != "__init__" and any(
                    isinstance(d, ast.Call) and getattr(d.func, "attr", "") == "member" for d in item.decorator_list):
                assert item.name in attrs, f"{qualname}.{item.name}"
                checked += 1
            if isinstance(item, ast.FunctionDef) and item.name == "__init__" and fresh.kind(qualname) == "class":
                args = item.args
                names = [a.arg for a in args.args[1:]] + [a.arg for a in args.kwonlyargs]
                keywords = fresh.constructor_keywords(qualname)
                assert keywords is not None and names == list(keywords), qualname
                required = {a.arg for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is None}
                assert required == {p.name for p in keywords.values() if p.required and p.keyword_only}, qualname
                checked += 1
            if isinstance(item, ast.Assign) and fresh.kind(qualname) == "enum":
                assert item.targets[0].id in fresh.enum_members(qualname)  # type: ignore[attr-defined]
                checked += 1
        if fresh.kind(qualname) == "struct":  # generated __init__ takes exactly the fields
            init = next((i for i in node.body if isinstance(i, ast.FunctionDef) and i.name == "__init__"), None)
            if init is not None:
                assert [a.arg for a in init.args.kwonlyargs] == list(fresh.struct_fields(qualname)), qualname
                checked += 1
    assert checked > 20


# -- bundled data, cache, lookup ----------------------------------------------------------------
@needs_cdk
def test_bundled_index_equals_a_fresh_build(fresh: ApiIndex, bundled: ApiIndex) -> None:
    if fresh.version != api_mod.BUNDLED_VERSION:
        pytest.skip(f"installed aws-cdk-lib {fresh.version} is not the bundled {api_mod.BUNDLED_VERSION}")
    assert bundled.version == fresh.version
    assert bundled.modules == fresh.modules
    assert bundled.expired_feature_flags == fresh.expired_feature_flags
    assert bundled.type_names == fresh.type_names
    for q in fresh.type_names[::97] + ["aws_cdk.aws_s3.Bucket", "aws_cdk.aws_dynamodb.Table",
                                       "aws_cdk.aws_logs.RetentionDays", "aws_cdk.aws_lambda.Function"]:
        assert bundled.kind(q) == fresh.kind(q), q
        assert bundled.constructor(q) == fresh.constructor(q), q
        assert bundled.methods(q) == fresh.methods(q), q
        assert bundled.properties(q) == fresh.properties(q), q
        assert bundled.enum_members(q) == fresh.enum_members(q), q
        assert bundled.deprecation(q) == fresh.deprecation(q), q
    assert "bundled" in bundled.source


@needs_cdk
def test_cache_round_trip(tmp_path, monkeypatch: pytest.MonkeyPatch, fresh_data: dict, fresh: ApiIndex) -> None:
    monkeypatch.setenv("REMEDIATOR_CACHE_DIR", str(tmp_path))
    path = locate.cache_path(ASSEMBLY.version, FORMAT, locate.constructs_version(ASSEMBLY.constructs_tgz))
    assert not os.path.exists(path)
    builds: list[str] = []

    def counting_build(assembly):  # the real data, built once by the fixture
        builds.append(assembly.tgz)
        return fresh_data

    monkeypatch.setattr(api_mod, "build_data", counting_build)
    built = build_index(ASSEMBLY)
    assert builds == [ASSEMBLY.tgz]
    assert os.path.isfile(path) and path.startswith(str(tmp_path))
    cached = build_index(ASSEMBLY)
    assert builds == [ASSEMBLY.tgz]  # the second load came from the cache
    assert ASSEMBLY.version in cached.source
    assert cached.type_names == built.type_names == fresh.type_names
    for q in ("aws_cdk.aws_s3.Bucket", "aws_cdk.aws_dynamodb.TableProps", "aws_cdk.aws_logs.RetentionDays"):
        assert cached.constructor(q) == fresh.constructor(q)
        assert cached.methods(q) == fresh.methods(q)
        assert cached.enum_members(q) == fresh.enum_members(q)
    # a damaged cache file is rebuilt, not trusted
    with open(path, "wb") as fh:
        fh.write(b"garbage")
    assert build_index(ASSEMBLY).type_names == fresh.type_names
    assert len(builds) == 2
    with open(path, "rb") as fh:
        assert fh.read().startswith(b"remediator-api-index")


def test_no_aws_cdk_lib_uses_the_bundled_index(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(locate, "find_assembly", lambda cdk_python, project_root: None)
    monkeypatch.setattr(api_mod, "_cache", {})
    index = get_index(None, "/nonexistent")
    assert index.version == api_mod.BUNDLED_VERSION and "bundled" in index.source
    assert get_index(None, "/nonexistent") is index  # once per process
    assert index.exists("aws_cdk.aws_s3.Bucket")
    assert "bundled" in api_mod.describe_api_source(None, "/nonexistent")


@needs_cdk
def test_locating_aws_cdk_lib(tmp_path) -> None:
    site = os.path.dirname(os.path.dirname(os.path.dirname(ASSEMBLY.tgz)))
    by_python = locate.from_cdk_python(sys.executable)
    assert by_python is not None and by_python.tgz == ASSEMBLY.tgz and by_python.found_by == "--cdk-python"
    assert locate.from_cdk_python(site).tgz == ASSEMBLY.tgz
    assert locate.from_cdk_python(str(tmp_path / "nope")) is None
    # a project venv: <root>/.venv/lib/pythonX.Y/site-packages/aws_cdk/_jsii/...
    venv_site = tmp_path / "app" / ".venv" / "lib" / "python3.99" / "site-packages"
    jsii_dir = venv_site / "aws_cdk" / "_jsii"
    jsii_dir.mkdir(parents=True)
    (jsii_dir / "aws-cdk-lib@2.1.0.jsii.tgz").write_bytes(b"")
    found = locate.from_project(str(tmp_path / "app"))
    assert found is not None and found.version == "2.1.0" and found.found_by == "project venv"
    assert locate.from_project(str(tmp_path)) is None
    # the setting may be relative to the project
    rel = locate.find_assembly(".venv", str(tmp_path / "app"))
    assert rel is not None and rel.version == "2.1.0"


def test_version_option_names_the_api() -> None:
    from click.testing import CliRunner

    from remediator.cli import main

    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert "(aws-cdk-lib 2." in result.output and " API from " in result.output


@needs_cdk
def test_cdk_python_option_and_setting(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from remediator.cli import main

    monkeypatch.delenv(api_mod.CDK_PYTHON_ENV, raising=False)
    monkeypatch.setattr(api_mod, "_cache", {})
    stack = tmp_path / "stack.py"
    stack.write_text("from aws_cdk import aws_s3 as s3\n")
    result = CliRunner().invoke(main, ["check", "--cdk-python", sys.executable, "--no-changelog", str(stack)])
    assert result.exit_code == 0, result.output
    assert api_mod.CDK_PYTHON_ENV not in os.environ  # the option travels in the run's options
    assert "(--cdk-python: " in result.output  # the run says which API it used
    index = get_index(os.path.abspath(sys.executable), str(tmp_path))
    assert "(--cdk-python: " in index.source and index.version == ASSEMBLY.version
    # the environment variable stands for the option
    monkeypatch.setenv(api_mod.CDK_PYTHON_ENV, sys.executable)
    result = CliRunner().invoke(main, ["check", "--no-changelog", str(stack)])
    assert result.exit_code == 0 and "(--cdk-python: " in result.output, result.output
    monkeypatch.delenv(api_mod.CDK_PYTHON_ENV)
    # a setting naming no aws-cdk-lib falls back, and says so
    fallback = get_index(str(tmp_path / "no-such-python"), str(tmp_path))
    assert "no aws-cdk-lib found there" in fallback.source and "this interpreter" in fallback.source
