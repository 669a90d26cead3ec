"""Edited calls that outgrow the line length are laid out as black would: arguments together on
one line of their own when they fit, else one argument per line."""

from __future__ import annotations

from pathlib import Path

from remediator.source.config import load_config
from remediator.analysis.engine import RunOptions, process_source
from remediator.transforms import all_rules, rule_by_code

SOURCE = '''from aws_cdk import Stack, aws_s3 as s3
from constructs import Construct


class StorageStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(self, "Logs", versioned=True)  # remediator: ignore[CDK302]
        self.archive = s3.Bucket(self, "Archive", bucket_name="archive-bucket")  # cold data
'''


def fix(source: str, line_length: int | None) -> str:
    rules = [rule_by_code("CDK302")(), rule_by_code("CDK303")()]
    settings = {} if line_length is None else {"line-length": line_length}
    result = process_source(source.encode(), "stack.py", rules, RunOptions(fix=True, settings=settings))
    assert not result.errors, result.errors
    return (result.fixed or source.encode()).decode()


def test_a_call_that_outgrows_the_limit_gets_one_argument_per_line() -> None:
    out = fix(SOURCE, 100)
    assert '''        self.archive = s3.Bucket(
            self,
            "Archive",
            bucket_name="archive-bucket",
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
        )  # cold data
''' in out
    # a short edited call stays on its line
    assert '        s3.Bucket(self, "Logs", versioned=True, enforce_ssl=True)  # remediator: ignore[CDK302]\n' in out


def test_a_wide_limit_keeps_calls_on_one_line() -> None:
    out = fix(SOURCE, 200)
    assert ('        self.archive = s3.Bucket(self, "Archive", bucket_name="archive-bucket", '
            'block_public_access=s3.BlockPublicAccess.BLOCK_ALL, enforce_ssl=True)  # cold data\n') in out


def test_no_limit_no_wrapping() -> None:
    assert "s3.Bucket(\n" not in fix(SOURCE, None)


def test_tab_indented_files_get_tabs() -> None:
    tabbed = SOURCE.replace("    ", "\t")
    out = fix(tabbed, 100)
    assert '\t\tself.archive = s3.Bucket(\n\t\t\tself,\n\t\t\t"Archive",\n' in out
    assert "\t\t)  # cold data\n" in out


def test_line_length_comes_from_ruff_or_black_when_not_set(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.remediator]\nselect = ["CDK3"]\n\n[tool.ruff]\nline-length = 120\n')
    assert load_config(str(tmp_path), None, all_rules()).settings["line-length"] == 120
    (tmp_path / "pyproject.toml").write_text('[tool.remediator]\nline-length = 79\n\n[tool.black]\nline-length = 120\n')
    assert load_config(str(tmp_path), None, all_rules()).settings["line-length"] == 79
    (tmp_path / "pyproject.toml").write_text('[tool.remediator]\nselect = ["CDK3"]\n')
    assert load_config(str(tmp_path), None, all_rules()).settings["line-length"] == 100


def test_arguments_that_fit_together_share_one_line() -> None:
    source = SOURCE.replace('"Archive", bucket_name="archive-bucket"', '"Archive"')
    out = fix(source, 100)
    assert ('        self.archive = s3.Bucket(\n'
            '            self, "Archive", block_public_access=s3.BlockPublicAccess.BLOCK_ALL, enforce_ssl=True\n'
            '        )  # cold data\n') in out


def test_a_comment_after_the_statement_does_not_count_toward_the_length() -> None:
    source = SOURCE.replace("# cold data", "# " + "x" * 80)
    out = fix(source, 200)
    assert 'enforce_ssl=True)  # ' + "x" * 80 + "\n" in out


def test_a_call_laid_out_by_hand_with_comments_keeps_its_layout() -> None:
    source = SOURCE.replace(
        '        self.archive = s3.Bucket(self, "Archive", bucket_name="archive-bucket")  # cold data\n',
        '        self.archive = s3.Bucket(self, "Archive",  # cold data\n'
        '                                 bucket_name="archive-bucket-with-a-long-name-for-this-test")\n')
    out = fix(source, 100)
    assert '        self.archive = s3.Bucket(self, "Archive",  # cold data\n' in out
    assert "enforce_ssl=True)\n" in out


def test_an_edit_inside_an_argument_lays_out_the_call_it_made_too_long() -> None:
    """CDK112 replaces a value, not the call; the statement still wraps when it outgrows the limit."""
    source = '''from aws_cdk import Stack, aws_logs as logs


class LogsStack(Stack):
    def build(self, is_prod: bool) -> None:
        logs.LogGroup(self, "Application", retention=logs.RetentionDays(30 if is_prod else 7))
'''
    result = process_source(source.encode(), "stack.py", [rule_by_code("CDK112")()],
                            RunOptions(fix=True, settings={"line-length": 100}))
    assert not result.errors, result.errors
    assert result.fixed is not None
    assert ('        logs.LogGroup(\n'
            '            self,\n'
            '            "Application",\n'
            '            retention=logs.RetentionDays.ONE_MONTH if is_prod else logs.RetentionDays.ONE_WEEK,\n'
            '        )\n') in result.fixed.decode()


def test_a_fix_leaves_long_arguments_it_did_not_touch_as_written() -> None:
    """CDK409 adds a long options argument, laid out over lines of its own; the table's long
    `partition_key=` line, as the code had it, stays as it is."""
    key = 'partition_key=dynamodb.Attribute(name="partition_key_of_the_orders_table", type=dynamodb.AttributeType.STRING),'
    source = ("from aws_cdk import Stack, aws_dynamodb as dynamodb\n\n\nclass S(Stack):\n"
              "    def __init__(self, scope, construct_id, **kwargs) -> None:\n"
              "        super().__init__(scope, construct_id, **kwargs)\n"
              "        self.table = dynamodb.TableV2(\n"
              "            self,\n"
              "            \"Orders\",\n"
              f"            {key}\n"
              "        )\n")
    assert len("            " + key) > 100
    result = process_source(source.encode(), "stack.py", [rule_by_code("CDK409")()], RunOptions(fix=True))
    fixed = result.fixed.decode()
    assert f"            {key}\n" in fixed
    assert "            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(\n" in fixed
