"""Data safety: atomic writes, byte-exact layout, refusing stale or broken writes, signals,
and bad input that gets a one-line error while the run goes on.

Real files, real subprocesses and real signals; fixes come from the real CDK301 rule (plus, for a
statement insert, a small rule defined here that uses the engine's own ``insert_after``).
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import remediator.runner
from remediator.source import reading
from remediator.cli import main
from remediator.analysis.context import ConstructCall
from remediator.analysis.engine import FileResult, RunOptions, process_source
from remediator.analysis.rule import Rule, Tier
from remediator.output.files import TEMP_SUFFIX, WriteError, atomic_write, signals_held
from remediator.transforms import rule_by_code

PY = sys.executable
ENV = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}

KMS = b'''\
import aws_cdk as cdk
from aws_cdk import aws_kms as kms
from constructs import Construct


class DataStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        key = kms.Key(self, "DataKey")
'''
KMS_FIXED = KMS.replace(b'kms.Key(self, "DataKey")', b'kms.Key(self, "DataKey", enable_key_rotation=True)')


def cdk301() -> Rule:
    cls = rule_by_code("CDK301")
    assert cls is not None
    return cls()


class _AliasKey(Rule):
    """Inserts a statement after every bound KMS key (exercises statement inserts)."""

    code, name, tier = "CDK990", "test-key-alias", Tier.SAFE
    summary = "test rule"
    targets = ("aws_cdk.aws_kms.Key",)

    def check(self, call: ConstructCall):
        if call.binding and ".add_alias(" not in call.ctx.source:
            yield self.finding(call, "key has no alias",
                               fix=call.insert_after(f'{call.binding}.add_alias("alias/data")'))


def fix_bytes(source: bytes, *rules: Rule) -> FileResult:
    result = process_source(source, "app.py", list(rules) or [cdk301()], RunOptions(fix=True))
    assert not result.errors, result.errors
    return result


def cli(args: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(cwd)
    return CliRunner().invoke(main, args, catch_exceptions=False)


def temp_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.endswith(TEMP_SUFFIX)]


# -- layout is kept byte for byte --------------------------------------------------------------

CRLF_TABS = (b'import aws_cdk as cdk\r\n'
             b'from aws_cdk import aws_kms as kms\r\n'
             b'\r\n'
             b'\r\n'
             b'class DataStack(cdk.Stack):\r\n'
             b'\tdef __init__(self, scope, construct_id):\r\n'
             b'\t\tsuper().__init__(scope, construct_id)\r\n'
             b'\t\tkey = kms.Key(\r\n'
             b'\t\t\tself,\r\n'
             b'\t\t\t"DataKey",  # the data key\r\n'
             b'\t\t)\r\n'
             b'\t\tcdk.CfnOutput(self, "KeyArn", value=key.key_arn)\r\n')


def test_crlf_and_tabs_kept_for_added_keyword_and_inserted_statement() -> None:
    result = fix_bytes(CRLF_TABS, cdk301(), _AliasKey())
    expected = CRLF_TABS.replace(
        b'\t\t\t"DataKey",  # the data key\r\n\t\t)\r\n',
        b'\t\t\t"DataKey",  # the data key\r\n\t\t\tenable_key_rotation=True,\r\n\t\t)\r\n'
        b'\t\tkey.add_alias("alias/data")\r\n')
    assert result.fixed == expected
    assert result.fixed_counts == {"CDK301": 1, "CDK990": 1}


def test_crlf_with_spaces_inserted_statement_uses_crlf() -> None:
    src = KMS.replace(b"\n", b"\r\n")
    result = fix_bytes(src, cdk301(), _AliasKey())
    assert result.fixed == KMS_FIXED.replace(b"\n", b"\r\n") + b'        key.add_alias("alias/data")\r\n'


@pytest.mark.parametrize("name,prefix,encoding", [
    ("bom", b"\xef\xbb\xbf", "utf-8"),
    ("latin-1 cookie", b"# -*- coding: latin-1 -*-\n", "latin-1"),
    ("cp1252 vim cookie", b"# vim: set fileencoding=cp1252 :\n", "cp1252"),
])
def test_encoding_kept(name: str, prefix: bytes, encoding: str) -> None:
    comment = "# Données chiffrées, clé à part\n".encode(encoding)
    src = prefix + comment + KMS
    result = fix_bytes(src)
    assert result.fixed == prefix + comment + KMS_FIXED
    compile(result.fixed, "app.py", "exec")


def test_text_that_cannot_be_encoded_is_refused_not_mangled() -> None:
    class Euro(Rule):
        code, name, tier = "CDK991", "test-euro", Tier.SAFE
        summary = "test rule"
        targets = ("aws_cdk.aws_kms.Key",)

        def check(self, call: ConstructCall):
            if not call.has("description"):
                yield self.finding(call, "m", fix=call.set_keyword("description", '"prix en €"'))

    src = b"# -*- coding: latin-1 -*-\n" + KMS
    result = process_source(src, "app.py", [Euro()], RunOptions(fix=True))
    assert result.fixed is None
    assert len(result.errors) == 1 and "encoding" in result.errors[0]


# -- atomic_write -------------------------------------------------------------------------------

@pytest.mark.parametrize("mode", [0o644, 0o755, 0o600, 0o640])
def test_atomic_write_keeps_permission_bits(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "app.py"
    path.write_bytes(KMS)
    path.chmod(mode)
    atomic_write(str(path), KMS_FIXED, expected=KMS, verify=True)
    assert path.read_bytes() == KMS_FIXED
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert temp_files(tmp_path) == []


def test_atomic_write_through_a_symlink_replaces_the_target(tmp_path: Path) -> None:
    real = tmp_path / "real.py"
    real.write_bytes(KMS)
    link = tmp_path / "link.py"
    link.symlink_to(real)
    atomic_write(str(link), KMS_FIXED, expected=KMS)
    assert link.is_symlink() and real.read_bytes() == KMS_FIXED


def test_atomic_write_refuses_a_file_changed_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "app.py"
    path.write_bytes(KMS + b"# edited meanwhile\n")
    with pytest.raises(WriteError, match="changed on disk since it was read; not overwritten"):
        atomic_write(str(path), KMS_FIXED, expected=KMS)
    assert path.read_bytes() == KMS + b"# edited meanwhile\n"
    assert temp_files(tmp_path) == []


def test_atomic_write_refuses_code_that_does_not_compile(tmp_path: Path) -> None:
    path = tmp_path / "app.py"
    path.write_bytes(KMS)
    for bad in (b"def f(:\n    pass\n", b"return 1\n", b"x = 1\n  y = 2\n"):  # parse error, compile error, indent
        with pytest.raises(WriteError, match="does not compile"):
            atomic_write(str(path), bad, expected=KMS, verify=True)
    assert path.read_bytes() == KMS
    assert temp_files(tmp_path) == []


def test_failed_replace_leaves_original_and_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "app.py"
    path.write_bytes(KMS)

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError):
        atomic_write(str(path), KMS_FIXED, expected=KMS)
    assert path.read_bytes() == KMS
    assert temp_files(tmp_path) == []


def test_file_changed_between_read_and_write_is_not_overwritten(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.remediator]\nselect = ["CDK301"]\n')
    app = tmp_path / "app.py"
    app.write_bytes(KMS)
    other = tmp_path / "other.py"
    other.write_bytes(KMS)
    edited = KMS + b"# saved by an editor during the run\n"
    real = remediator.runner._process_path

    def process_then_edit(item):
        result = real(item)
        if item[0].endswith("app.py"):
            app.write_bytes(edited)  # another program writes the file after it was read
        return result

    monkeypatch.setattr(remediator.runner, "_process_path", process_then_edit)
    res = cli(["fix", ".", "--no-changelog"], tmp_path, monkeypatch)
    assert res.exit_code == 2
    assert "app.py: error: not written: file changed on disk since it was read; not overwritten" in res.stderr
    assert app.read_bytes() == edited
    assert other.read_bytes() == KMS_FIXED  # the run went on
    assert temp_files(tmp_path) == []


def test_fix_that_would_not_compile_is_not_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A broken result never reaches the disk, even if it slipped past the engine's own checks."""
    (tmp_path / "pyproject.toml").write_text('[tool.remediator]\nselect = ["CDK301"]\n')
    app = tmp_path / "app.py"
    app.write_bytes(KMS)
    real = remediator.runner._process_path

    def corrupt(item):
        result = real(item)
        result.fixed = result.fixed + b"    return ]\n"
        return result

    monkeypatch.setattr(remediator.runner, "_process_path", corrupt)
    res = cli(["fix", ".", "--no-changelog"], tmp_path, monkeypatch)
    assert res.exit_code == 2
    assert re.search(r"^app\.py: error: not written: new content does not compile \(.*\); not written$",
                     res.stderr, re.M), res.stderr
    assert app.read_bytes() == KMS


# -- signals ------------------------------------------------------------------------------------

@pytest.mark.parametrize("sig,returncode", [(signal.SIGTERM, -signal.SIGTERM), (signal.SIGINT, 1)])
def test_signals_are_held_during_a_write_and_delivered_after(tmp_path: Path, sig: int, returncode: int) -> None:
    marker = tmp_path / "finished-block"
    code = textwrap.dedent(f"""
        import os, signal, sys
        from remediator.output.files import signals_held
        try:
            with signals_held():
                os.kill(os.getpid(), {int(sig)})
                open({str(marker)!r}, "w").close()
            print("not reached")
        except KeyboardInterrupt:
            sys.exit(1)
    """)
    proc = subprocess.run([PY, "-c", code], capture_output=True, env=ENV, timeout=60)
    assert marker.exists(), "the signal interrupted the protected block"
    assert proc.returncode == returncode
    assert b"not reached" not in proc.stdout


def test_signals_held_is_a_no_op_outside_the_main_thread() -> None:
    import threading

    errors: list[BaseException] = []

    def work() -> None:
        try:
            with signals_held():
                pass
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert errors == []
    assert signal.getsignal(signal.SIGINT) is not None


def _many_files(root: Path, n: int) -> dict[str, tuple[bytes, bytes]]:
    """n files needing CDK301 fixes; name -> (old, new)."""
    rng = random.Random(4)
    out = {}
    for i in range(n):
        keys = "".join(f'        kms.Key(self, "Key{j}", description="{"k" * rng.randint(1, 300)}")\n'
                       for j in range(rng.randint(1, 8)))
        old = (f"import aws_cdk as cdk\nfrom aws_cdk import aws_kms as kms\n\n\n"
               f"class Stack{i}(cdk.Stack):\n    def __init__(self, scope, construct_id):\n"
               f"        super().__init__(scope, construct_id)\n{keys}").encode()
        new = fix_bytes(old).fixed
        assert new is not None and new != old
        name = f"stacks/stack_{i:03d}.py"
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(old)
        out[name] = (old, new)
    return out


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=["INT", "TERM", "KILL"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_killed_run_leaves_every_file_old_or_new(tmp_path: Path, sig: int, jobs: str) -> None:
    """Kill real runs at random moments; a bounded number of runs per signal (3)."""
    root = tmp_path / "app"
    root.mkdir()
    (root / "pyproject.toml").write_text('[tool.remediator]\nselect = ["CDK301"]\n')
    files = _many_files(root, 24)
    cmd = [PY, "-m", "remediator", "fix", ".", "--jobs", jobs]
    # how long a whole run takes here, to spread the kills over it
    t0 = time.monotonic()
    subprocess.run(cmd, cwd=root, env=ENV, capture_output=True, timeout=300)
    duration = time.monotonic() - t0
    rng = random.Random(f"{sig}-{jobs}")
    for attempt in range(3):
        for name, (old, _) in files.items():
            (root / name).write_bytes(old)
        (root / "CHANGELOG.md").unlink(missing_ok=True)
        proc = subprocess.Popen(cmd, cwd=root, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if attempt == 0:  # aim at the write phase: wait for the first written file
            first = root / next(iter(files))
            deadline = time.monotonic() + 60
            while first.read_bytes() == files[next(iter(files))][0] and proc.poll() is None \
                    and time.monotonic() < deadline:
                time.sleep(0.001)
            time.sleep(rng.uniform(0, 0.02))
        else:
            time.sleep(rng.uniform(0, duration))
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=120)
        for name, (old, new) in files.items():
            data = (root / name).read_bytes()
            assert data in (old, new), f"{name} is neither old nor new after {signal.Signals(sig).name}"
        leftovers = temp_files(root)
        if sig == signal.SIGKILL:
            assert all(not p.name.endswith(".py") for p in leftovers)
            for p in leftovers:
                p.unlink()
        else:
            assert leftovers == [], f"temporary files left after {signal.Signals(sig).name}: {leftovers}"
            # it ended (no hang: communicate has a timeout), by the signal or by finishing first
            assert proc.returncode in (0, 1, 2, -sig, 128 + sig), (proc.returncode, err[-2000:])
        assert not any(p.suffix == ".py" and p.name.startswith(".") for p in root.rglob("*"))


# -- bad input ----------------------------------------------------------------------------------

def test_bad_inputs_get_one_line_errors_and_the_run_goes_on(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.py").write_bytes(KMS)
    root = tmp_path / "repo"
    root.mkdir()
    (root / "pyproject.toml").write_text('[tool.remediator]\nselect = ["CDK301"]\n')
    big_cdk = KMS + b"DATA = [\n" + b"    'padding padding padding padding padding',\n" * 40_000 + b"]\n"
    big_plain = b"DATA = [\n" + b"    'padding padding padding padding padding',\n" * 40_000 + b"]\n"
    assert len(big_cdk) > 1_500_000
    inputs = {
        "good.py": KMS,
        "syntax.py": KMS + b"x = (\n",
        "not_utf8.py": KMS + b"# caf\xe9 au lait\n",
        "binary.py": b"\x7fELF\x02\x01\x01\x00\x00\x00aws_cdk\x00\x00",
        "empty.py": b"",
        "big_cdk.py": big_cdk,
        "big_plain.py": big_plain,
        "bad_cookie.py": b"# -*- coding: klingon -*-\n" + KMS,
    }
    for name, data in inputs.items():
        (root / name).write_bytes(data)
    (root / "link_out.py").symlink_to(outside / "secret.py")
    (root / "linkdir").symlink_to(outside)
    proc = subprocess.run([PY, "-m", "remediator", "fix", ".", "missing_dir", "--no-changelog"], cwd=root,
                          env=ENV, capture_output=True, timeout=300)
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert "Traceback" not in err
    lines = [ln for ln in err.splitlines() if ": error: " in ln]
    expected = {
        "syntax.py": r"syntax error at line \d+",
        "not_utf8.py": r"cannot decode file",
        "binary.py": r"binary file",
        "big_cdk.py": r"file too large \(1\.\d MB, the limit is 1 MB\); skipped",
        "bad_cookie.py": r"cannot decode file|unknown encoding",
        "missing_dir": r"no such file or directory",
        "link_out.py": r"symlink leads outside the given paths; not followed",
        "linkdir": r"symlink leads outside the given paths; not followed",
    }
    for name, pattern in expected.items():
        hits = [ln for ln in lines if re.search(rf"(^|/){re.escape(name)}: error: .*({pattern})", ln)]
        assert len(hits) == 1, (name, err)
    assert len(lines) == len(expected), err
    assert (root / "good.py").read_bytes() == KMS_FIXED
    for name, data in inputs.items():
        if name != "good.py":
            assert (root / name).read_bytes() == data, name
    assert (outside / "secret.py").read_bytes() == KMS  # never followed, never written
    check = subprocess.run([PY, "-m", "remediator", "check", ".", "--select", "CDK301"], cwd=root, env=ENV,
                           capture_output=True, timeout=300)
    assert check.returncode == 2
    assert len([ln for ln in check.stderr.decode().splitlines() if ": error: " in ln]) == len(expected) - 1


def test_symlink_inside_the_roots_is_one_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A link to a file that is found anyway is processed (and written) once, not twice."""
    (tmp_path / "app.py").write_bytes(KMS)
    (tmp_path / "alias.py").symlink_to("app.py")
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "again.py").symlink_to(tmp_path / "app.py")
    res = cli(["fix", ".", "app.py", "--select", "CDK301", "--no-changelog"], tmp_path, monkeypatch)
    assert res.exit_code == 0, res.stderr
    assert "Fixed 1 finding in 1 file" in res.stderr
    assert (tmp_path / "app.py").read_bytes() == KMS_FIXED
    assert (tmp_path / "alias.py").is_symlink() and (tmp_path / "lib" / "again.py").is_symlink()


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.remediator]\nselect = ["CDK301"]\n')
    locked = tmp_path / "locked.py"
    locked.write_bytes(KMS)
    (tmp_path / "good.py").write_bytes(KMS)
    locked.chmod(0)
    try:
        try:
            with open(locked, "rb"):
                pass
        except PermissionError:
            pass
        else:
            pytest.skip("running with privileges that read a chmod 000 file (root): cannot make it unreadable")
        res = cli(["fix", ".", "--no-changelog"], tmp_path, monkeypatch)
        assert res.exit_code == 2
        assert "locked.py: error: cannot read file: Permission denied" in res.stderr.splitlines()
        assert (tmp_path / "good.py").read_bytes() == KMS_FIXED
    finally:
        locked.chmod(0o644)
    assert locked.read_bytes() == KMS


@pytest.mark.skipif(not os.path.exists("/proc/self/mem"), reason="needs Linux /proc")
def test_a_file_whose_read_fails_is_reported_and_the_run_goes_on(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs even as root: reading /proc/self/mem from offset 0 fails with EIO for every user."""
    (tmp_path / "good.py").write_bytes(KMS)
    res = cli(["fix", "good.py", "/proc/self/mem", "--select", "CDK301", "--no-changelog"], tmp_path, monkeypatch)
    assert res.exit_code == 2
    assert "/proc/self/mem: error: cannot read file: Input/output error" in res.stderr.splitlines()
    assert (tmp_path / "good.py").read_bytes() == KMS_FIXED


def test_unreadable_folder_is_reported_and_the_run_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "good.py").write_bytes(KMS)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inner.py").write_bytes(KMS)
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running with privileges that read a chmod 000 folder (root)")
        res = cli(["fix", ".", "--select", "CDK301", "--no-changelog"], tmp_path, monkeypatch)
        assert res.exit_code == 2
        assert "cannot read folder: Permission denied" in res.stderr
        assert (tmp_path / "good.py").read_bytes() == KMS_FIXED
    finally:
        locked.chmod(0o755)


@pytest.mark.parametrize("table,key", [
    ('selct = ["CDK301"]', "selct"),
    ('unsafe-fixes = "yes"', "unsafe-fixes"),
    ('select = ["CDK999"]', "select"),
    ('select = "CDK301"', "select"),
    ('[tool.remediator.rules.CDK301]\nno-such-option = 1', "no-such-option"),
])
def test_invalid_configuration_names_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             table: str, key: str) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.remediator]\n{table}\n")
    (tmp_path / "app.py").write_bytes(KMS)
    for command in (["check", "."], ["fix", "."]):
        res = cli(command, tmp_path, monkeypatch)
        assert res.exit_code == 2
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1 and key in lines[0] and "pyproject.toml" in lines[0], res.stderr
    assert (tmp_path / "app.py").read_bytes() == KMS


NOT_CDK = {
    # looks like CDK, is not: a local stand-in module
    "fake_kms.py": b'''\
class kms:
    class Key:
        def __init__(self, *args, **kwargs):
            self.args = args


class Stack:
    pass


class DataStack(Stack):
    def __init__(self):
        self.key = kms.Key(self, "DataKey")
        self.bucket = s3.Bucket(self, "B", removal_policy=RemovalPolicy.DESTROY)
''',
    # mentions aws_cdk only in strings and comments
    "docs.py": b'''\
"""Example:

import aws_cdk
from aws_cdk import aws_kms as kms
kms.Key(self, "K")
"""
# from aws_cdk import aws_s3 as s3
SNIPPET = "import aws_cdk as cdk\\nkms.Key(self, 'K')"
aws_cdk_version = "2.275.0"
''',
    # no final newline, mixed indentation, unused imports: still not ours to touch
    "messy.py": b"import os, sys\nif True:\n  x = 1\nelse:\n        x = 2\nprint(x)",
    "crlf_tabs.py": b"def f():\r\n\treturn kms.Key(None, 'K')\r\n",
}


def test_files_that_do_not_import_aws_cdk_are_never_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, data in NOT_CDK.items():
        (tmp_path / name).write_bytes(data)
    res = cli(["fix", ".", "--select", "ALL", "--unsafe-fixes"], tmp_path, monkeypatch)
    assert res.exit_code == 0, res.stderr
    for name, data in NOT_CDK.items():
        assert (tmp_path / name).read_bytes() == data, name
    assert not (tmp_path / "CHANGELOG.md").exists()
    res = cli(["check", ".", "--select", "ALL"], tmp_path, monkeypatch)
    assert res.exit_code == 0 and "All checks passed!" in res.stdout


def test_empty_and_whitespace_only_files(tmp_path: Path) -> None:
    for data in (b"", b"\n", b"   \n\n", b"\r\n", b"# only a comment", b"\xef\xbb\xbf"):
        result = process_source(data, "x.py", [cdk301()], RunOptions(fix=True))
        assert result.errors == [] and result.fixed is None, data


@pytest.mark.parametrize("name,data,fixed", [
    ("old Mac newlines", KMS.replace(b"\n", b"\r"), True),
    ("form feeds", b"\f" + KMS + b"\f\nx = 1\n", True),
    ("no final newline", KMS.rstrip(b"\n"), True),
    ("deep nesting", KMS + b"z = " + b"(" * 150 + b"1" + b")" * 150 + b"\n", True),
    ("nesting beyond the recursion limit", KMS + b"z = " + b"[" * 1000 + b"]" * 1000 + b"\n", False),
    ("UTF-16", KMS.decode().encode("utf-16"), False),
    ("Python 2", KMS + b"print 'hello'\n", False),
    ("tabs and spaces mixed", KMS + b"if True:\n\tx = 1\n        y = 2\n", False),
    ("every byte but NUL", bytes(range(1, 256)), False),
    ("a 200 kB line", KMS + b"x = '" + b"a" * 200_000 + b"'\n", True),
])
def test_odd_files_never_crash(name: str, data: bytes, fixed: bool) -> None:
    result = process_source(data, "odd.py", [cdk301()], RunOptions(fix=True))
    assert not any("internal error" in e for e in result.errors), result.errors
    if fixed:
        assert result.errors == [] and result.fixed is not None
        compile(result.fixed, "odd.py", "exec", dont_inherit=True)
        assert result.fixed.count(b"enable_key_rotation=True") == 1
    else:
        assert result.fixed is None and len(result.errors) == 1 and "\n" not in result.errors[0]


def test_syntax_warnings_of_the_users_code_are_not_printed(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_bytes(KMS + b'        assert (key, "a key")\n        same = key is "x"\n')
    proc = subprocess.run([PY, "-W", "default", "-m", "remediator", "fix", ".", "--select", "CDK301",
                           "--no-changelog"], cwd=tmp_path, env=ENV, capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stderr.decode().strip().splitlines() == ["Fixed 1 finding in 1 file (0 remaining)"]
    assert b"enable_key_rotation=True" in (tmp_path / "app.py").read_bytes()


def test_a_crashing_rule_is_an_error_for_that_file_only(tmp_path: Path) -> None:
    class Crash(Rule):
        code, name, tier = "CDK992", "test-crash", Tier.SAFE
        summary = "test rule"
        targets = ("aws_cdk.aws_kms.Key",)

        def check(self, call: ConstructCall):
            raise RuntimeError("boom")

    result = process_source(KMS, "app.py", [Crash(), cdk301()], RunOptions(fix=True))
    assert result.fixed is None
    assert len(result.errors) == 1 and "internal error: RuntimeError: boom" in result.errors[0]
    assert "\n" not in result.errors[0]


def test_large_file_limit_is_checked_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", len(KMS) - 1)
    result = process_source(KMS, "app.py", [cdk301()], RunOptions(fix=True))
    assert result.fixed is None and len(result.errors) == 1 and "file too large" in result.errors[0]
    plain = b"x = 1\n" * 100
    result = process_source(plain, "plain.py", [cdk301()], RunOptions(fix=True))
    assert result.errors == [] and result.skipped == "does not import aws_cdk"


def test_no_temp_file_is_left_by_a_run(tmp_path: Path) -> None:
    shutil.copytree(Path(__file__).parent / "corpus", tmp_path / "corpus") if (Path(__file__).parent / "corpus").is_dir() \
        else (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "extra.py").write_bytes(KMS)
    proc = subprocess.run([PY, "-m", "remediator", "fix", ".", "--select", "CDK301"], cwd=tmp_path / "corpus",
                          env=ENV, capture_output=True, timeout=300)
    assert proc.returncode in (0, 2), proc.stderr.decode()
    assert (tmp_path / "corpus" / "extra.py").read_bytes() == KMS_FIXED
    assert temp_files(tmp_path) == []


_real_process_path = remediator.runner._process_path


def _killed_on_file_7(item):
    """A worker that is killed while processing one file (as by the kernel's OOM killer)."""
    if item[0].endswith("m7.py"):
        os.kill(os.getpid(), signal.SIGKILL)
    return _real_process_path(item)


def _killed_on_the_last_file(item):
    """Killed on the last file: the other worker is then idle, holding the task queue's lock."""
    if item[0].endswith("m9.py"):
        time.sleep(1)
        os.kill(os.getpid(), signal.SIGKILL)
    return _real_process_path(item)


@pytest.mark.parametrize("dies", [_killed_on_file_7, _killed_on_the_last_file], ids=["mid", "last"])
def test_worker_killed_mid_run_ends_the_run_with_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          dies) -> None:
    """multiprocessing.Pool waits forever for a dead worker's tasks: the run must end (exit 2), write nothing."""
    (tmp_path / "pyproject.toml").write_text('[tool.remediator]\nselect = ["CDK301"]\n')
    count = remediator.runner.PARALLEL_THRESHOLD + 4
    for i in range(count):
        (tmp_path / f"m{i}.py").write_bytes(KMS)
    monkeypatch.setattr(remediator.runner, "_process_path", dies)
    started = time.monotonic()
    res = cli(["fix", ".", "--jobs", "2"], tmp_path, monkeypatch)
    assert time.monotonic() - started < 60
    assert res.exit_code == 2, res.output
    assert re.search(r"^remediator: error: a worker process died \(killed by signal 9\); nothing was written$",
                     res.stderr, re.M), res.stderr
    assert all((tmp_path / f"m{i}.py").read_bytes() == KMS for i in range(count))
    assert not (tmp_path / "CHANGELOG.md").exists()
    assert temp_files(tmp_path) == []


def test_many_runs_in_one_process_outside_a_git_repository(tmp_path: Path) -> None:
    """A long-lived process (the language server, a test run) may call the runner hundreds of times
    outside any git repository; finding the repository root must not leak (pygit2 1.21's
    discover_repository loses a reference to None per miss and aborts the interpreter at exit)."""
    (tmp_path / "stack.py").write_bytes(KMS)
    script = ("import os\nfrom remediator.runner import Request, run\n"
              "for _ in range(200):\n    run(Request(paths=['.'], fix=False, jobs=1))\nprint('done')\n")
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "done"
