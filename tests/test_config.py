"""``[tool.remediator]`` configuration: where it is found, what each key does, and its errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest
from click.testing import CliRunner

import remediator.runner
from remediator.cli import main
from remediator.source.config import SETTINGS, Config, ConfigError, find_pyproject, load_config, parse_table, select_rules
from remediator.analysis.context import ConstructCall
from remediator.analysis.rule import Finding, Rule, Tier
from remediator.runner import Request, run
from remediator.transforms import all_rules

STACK = '''\
from aws_cdk import Stack, aws_kms as kms


class S(Stack):
    def build(self) -> None:
        kms.Key(self, "A")
        kms.Key(self, "B", description="b")
'''


class _Desc(Rule):
    """Throwaway rule with options: sets the key description."""

    code, name, tier = "CDK981", "test-description", Tier.SAFE
    summary = "test"
    targets = ("aws_cdk.aws_kms.Key",)
    options: dict[str, Any] = {"text": "managed", "max-length": 40, "ratio": 0.5, "strict": False, "tags": ["a"]}

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if not call.has("description"):
            text = self.settings["text"][: self.settings["max-length"]]
            yield self.finding(call, "key has no description", fix=call.set_keyword("description", repr(text)))


class _Off(Rule):
    """Throwaway rule that is off by default."""

    code, name, tier = "CDK982", "test-off", Tier.REPORT
    summary = "test"
    targets = ("aws_cdk.aws_kms.Key",)
    default_enabled = False

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        yield self.finding(call, "off-by-default rule ran")


RULES = (*all_rules(), _Desc, _Off)


@pytest.fixture
def rules(monkeypatch: pytest.MonkeyPatch) -> tuple[type[Rule], ...]:
    monkeypatch.setattr(remediator.runner, "all_rules", lambda: RULES)
    return RULES


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def codes(result) -> list[str]:
    return sorted(d.code for d in result.diagnostics)


def error_of(table_toml: str, tmp_path: Path) -> str:
    write(tmp_path / "pyproject.toml", table_toml)
    with pytest.raises(ConfigError) as info:
        load_config(str(tmp_path), None, RULES)
    msg = str(info.value)
    assert "\n" not in msg
    assert msg.startswith(f"{tmp_path / 'pyproject.toml'}: error: ")
    return msg


# ----------------------------------------------------------------------------------------------
# finding the file


def test_nearest_pyproject_with_a_remediator_table(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.remediator]\nselect = ["CDK301"]\n')
    write(tmp_path / "pkg" / "pyproject.toml", '[project]\nname = "pkg"\n')  # no table: skipped
    write(tmp_path / "pkg" / "sub" / "pyproject.toml", '[tool.remediator]\nignore = ["CDK301"]\n')
    (tmp_path / "pkg" / "sub" / "deeper").mkdir()
    assert find_pyproject(str(tmp_path / "pkg")) == str(tmp_path / "pyproject.toml")
    assert find_pyproject(str(tmp_path / "pkg" / "stack.py")) == str(tmp_path / "pyproject.toml")
    assert find_pyproject(str(tmp_path / "pkg" / "sub" / "deeper")) == str(tmp_path / "pkg" / "sub" / "pyproject.toml")
    assert load_config(str(tmp_path / "pkg" / "sub" / "deeper"), None, RULES).ignore == ["CDK301"]


def test_no_configuration_is_the_default(tmp_path: Path) -> None:
    cfg = load_config(str(tmp_path), None, RULES)
    assert cfg.path is None and cfg.select is None and cfg.unsafe_fixes is False
    assert cfg.settings == {key: default for key, (default, _) in SETTINGS.items()}
    assert cfg.settings["environment-default"] == "dev"
    assert [r.code for r in select_rules(RULES, cfg)] == [r.code for r in RULES if r.default_enabled]


def test_configuration_applies_to_a_run_from_the_nearest_file(tmp_path: Path, rules: Any,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "pyproject.toml", '[tool.remediator]\nselect = ["CDK301"]\n')
    write(tmp_path / "infra" / "pyproject.toml", '[tool.remediator]\nselect = ["CDK981"]\n')
    write(tmp_path / "infra" / "stack.py", STACK)
    monkeypatch.chdir(tmp_path)
    assert codes(run(Request(paths=["infra"]))) == ["CDK981"]
    assert codes(run(Request(paths=["infra/stack.py"]))) == ["CDK981"]


def test_explicit_config_file(tmp_path: Path) -> None:
    write(tmp_path / "conf.toml", 'select = ["CDK301"]\n')  # a dedicated file: keys at top level
    assert load_config(str(tmp_path), str(tmp_path / "conf.toml"), RULES).select == ["CDK301"]
    write(tmp_path / "conf2.toml", '[tool.remediator]\nignore = ["CDK301"]\n')
    assert load_config(str(tmp_path), str(tmp_path / "conf2.toml"), RULES).ignore == ["CDK301"]
    write(tmp_path / "other" / "pyproject.toml", '[project]\nname = "x"\n')  # a pyproject without the table
    assert load_config(str(tmp_path), str(tmp_path / "other" / "pyproject.toml"), RULES).select is None


# ----------------------------------------------------------------------------------------------
# the keys


def test_select_ignore_extend_select(tmp_path: Path, rules: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "stack.py", STACK)
    monkeypatch.chdir(tmp_path)

    def with_config(toml: str, **req: Any) -> list[str]:
        write(tmp_path / "pyproject.toml", "[tool.remediator]\n" + toml)
        return codes(run(Request(paths=["."], **req)))

    assert with_config('select = ["CDK301", "CDK981"]\n') == ["CDK301", "CDK301", "CDK981"]
    assert with_config('select = ["CDK98"]\n') == ["CDK981", "CDK982", "CDK982"]
    assert with_config('select = ["CDK98"]\nignore = ["CDK982"]\n') == ["CDK981"]
    assert with_config('select = ["CDK301"]\nextend-select = ["CDK982"]\n') == ["CDK301", "CDK301", "CDK982", "CDK982"]
    assert with_config('select = ["test-description"]\n') == ["CDK981"]
    # the command line's --select replaces the configured selection; --ignore adds to it
    assert with_config('select = ["CDK301"]\n', select=["CDK981"]) == ["CDK981"]
    assert with_config('select = ["CDK301", "CDK981"]\n', ignore=["CDK981"]) == ["CDK301", "CDK301"]
    assert with_config('select = ["CDK301"]\n', extend_select=["CDK981"]) == ["CDK301", "CDK301", "CDK981"]


def test_off_by_default_rules_run_only_when_selected() -> None:
    assert "CDK982" not in [r.code for r in select_rules(RULES, Config())]
    assert "CDK982" in [r.code for r in select_rules(RULES, Config(extend_select=["CDK982"]))]
    assert "CDK982" in [r.code for r in select_rules(RULES, Config(), select=["CDK982"])]
    assert [r.code for r in select_rules(RULES, Config(select=["ALL"]), ignore=["CDK3"])] == [
        r.code for r in RULES if not r.code.startswith("CDK3")]


def test_unsafe_fixes_key(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.remediator]\nunsafe-fixes = true\n")
    assert load_config(str(tmp_path), None, RULES).unsafe_fixes is True
    write(tmp_path / "pyproject.toml", "[tool.remediator]\nunsafe-fixes = false\n")
    assert load_config(str(tmp_path), None, RULES).unsafe_fixes is False


def test_exclude_is_relative_to_the_configuration_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "pyproject.toml", '[tool.remediator]\nselect = ["CDK301"]\nexclude = ["app/gen/", "*_old.py"]\n'
                                       'extend-exclude = ["app/legacy.py"]\n')
    for name in ("app/gen/a.py", "app/b_old.py", "app/legacy.py", "app/keep.py"):
        write(tmp_path / name, STACK)
    monkeypatch.chdir(tmp_path / "app")  # patterns still start at the pyproject.toml's folder
    result = run(Request(paths=["."]))
    assert sorted({r.path for r in result.results}) == ["keep.py"]


def test_changelog_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "pyproject.toml", '[tool.remediator]\nselect = ["CDK301"]\nchangelog = "docs/CHANGES.md"\n')
    write(tmp_path / "app" / "stack.py", STACK)
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "app")
    result = run(Request(paths=["stack.py"], fix=True))
    assert result.errors == []
    assert result.changelog_path == str(tmp_path / "docs" / "CHANGES.md")
    assert "(CDK301)" in (tmp_path / "docs" / "CHANGES.md").read_text()
    # --changelog wins over the configuration
    write(tmp_path / "app" / "stack2.py", STACK)
    run(Request(paths=["stack2.py"], fix=True, changelog_path="HISTORY.md"))
    assert "stack2.py" in (tmp_path / "app" / "HISTORY.md").read_text()
    assert "stack2.py" not in (tmp_path / "docs" / "CHANGES.md").read_text()


def test_per_rule_options(tmp_path: Path, rules: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "pyproject.toml", '[tool.remediator]\nselect = ["CDK981"]\n\n'
                                       '[tool.remediator.rules.CDK981]\ntext = "owned by the platform team"\n'
                                       'max-length = 8\nratio = 1\n')
    write(tmp_path / "stack.py", STACK)
    monkeypatch.chdir(tmp_path)
    cfg = load_config(str(tmp_path), None, RULES)
    assert cfg.rule_options == {"CDK981": {"text": "owned by the platform team", "max-length": 8, "ratio": 1}}
    run(Request(paths=["."], fix=True, changelog=False))
    assert 'kms.Key(self, "A", description=\'owned by\')' in (tmp_path / "stack.py").read_text()


def test_per_rule_options_by_rule_name(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.remediator.rules.test-description]\nstrict = true\ntags = ["x", "y"]\n')
    assert load_config(str(tmp_path), None, RULES).rule_options == {"CDK981": {"strict": True, "tags": ["x", "y"]}}


def test_environment_default_setting(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.remediator]\nenvironment-default = "prod"\n')
    assert load_config(str(tmp_path), None, RULES).settings["environment-default"] == "prod"


# ----------------------------------------------------------------------------------------------
# errors name the key


@pytest.mark.parametrize("toml, named", [
    ('[tool.remediator]\nselct = ["CDK301"]\n', "unknown key 'selct'"),
    ('[tool.remediator]\nselect = ["CDK999"]\n', "key 'select': unknown rule code 'CDK999'"),
    ('[tool.remediator]\nignore = ["CDK301", "XYZ"]\n', "key 'ignore': unknown rule code 'XYZ'"),
    ('[tool.remediator]\nextend-select = ["CDK99"]\n', "key 'extend-select': unknown rule code 'CDK99'"),
    ('[tool.remediator]\nselect = "CDK301"\n', "key 'select' must be a list of strings"),
    ('[tool.remediator]\nselect = [301]\n', "key 'select' must be a list of strings"),
    ('[tool.remediator]\nunsafe-fixes = "yes"\n', "key 'unsafe-fixes' must be bool"),
    ('[tool.remediator]\nchangelog = 1\n', "key 'changelog' must be str"),
    ('[tool.remediator]\nexclude = "app"\n', "key 'exclude' must be a list of strings"),
    ('[tool.remediator]\nenvironment-default = 3\n', "key 'environment-default' must be str"),
    ('[tool.remediator]\nrules = 3\n', "key 'rules' must be dict"),
    ('[tool.remediator.rules.CDK999]\nx = 1\n', "rules: unknown rule 'CDK999'"),
    ('[tool.remediator.rules.CDK981]\ncolour = "red"\n', "rules.CDK981: unknown option 'colour'"),
    ('[tool.remediator.rules.CDK301]\nx = 1\n', "rules.CDK301: unknown option 'x' (known: none)"),
    ('[tool.remediator.rules.CDK981]\ntext = 3\n', "rules.CDK981: option 'text' must be str"),
    ('[tool.remediator.rules.CDK981]\nmax-length = true\n', "rules.CDK981: option 'max-length' must be int"),
    ('[tool.remediator.rules.CDK981]\nmax-length = 1.5\n', "rules.CDK981: option 'max-length' must be int"),
    ('[tool.remediator.rules.CDK981]\nstrict = 1\n', "rules.CDK981: option 'strict' must be bool"),
    ('[tool.remediator.rules.CDK981]\ntags = [1]\n', "rules.CDK981: option 'tags' must be list"),
    ('[tool.remediator.rules]\nCDK981 = 3\n', "rules.CDK981 must be a table"),
    ('[tool.remediator\nselect = 1\n', "invalid TOML"),
])
def test_errors_name_the_key(tmp_path: Path, toml: str, named: str) -> None:
    assert named in error_of(toml, tmp_path)


def test_configuration_error_through_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "pyproject.toml", "[tool.remediator]\nunsafe-fixes = 1\n")
    write(tmp_path / "stack.py", STACK)
    monkeypatch.chdir(tmp_path)
    for args in (["check", "."], ["fix", "."], ["fix", "--diff", "."]):
        res = CliRunner().invoke(main, args, catch_exceptions=False)
        assert res.exit_code == 2
        assert res.stdout == ""
        assert res.stderr == f"{tmp_path / 'pyproject.toml'}: error: [tool.remediator] key 'unsafe-fixes' must be bool\n"
    assert (tmp_path / "stack.py").read_text() == STACK
    assert not (tmp_path / "CHANGELOG.md").exists()


def test_parse_table_defaults() -> None:
    cfg = parse_table({}, "x.toml", RULES)
    assert cfg == Config(path="x.toml")
