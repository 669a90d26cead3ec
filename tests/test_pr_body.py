"""The pull request body, its fingerprint and marker, and the small parsers of `remediator pr`."""

from __future__ import annotations

import pytest

from remediator.analysis.rule import Diagnostic
from remediator.output.patch import FileStat
from remediator.pr import redact
from remediator.pr import body as bodies
from remediator.pr.git import Identity
from remediator.pr.github import repo_from_remote


def diag(path: str, line: int, code: str = "CDK301", message: str = "KMS key does not rotate its key material",
         tier: str = "safe", name: str = "kms-key-rotation") -> Diagnostic:
    return Diagnostic(code=code, name=name, path=path, line=line, column=1, message=message, tier=tier, fixable=True)


def fixes(applied: list[Diagnostic], **kw) -> bodies.Fixes:
    stats = kw.pop("stats", [FileStat("app/a.py", 1, 1), FileStat("CHANGELOG.md", 3, 0)])
    changelog = kw.pop("changelog", {"CHANGELOG.md": ["### Security", "- Enable KMS key rotation on 1 key in app/a.py (CDK301)"]})
    return bodies.Fixes(base="main", applied=applied, stats=stats, changelog=changelog)


def test_fingerprint_is_stable_and_ignores_order_and_line_numbers() -> None:
    a = [diag("app/a.py", 8), diag("app/b.py", 3, "CDK304", "bucket is destroyed", name="retain-stateful-data")]
    assert bodies.fingerprint(a) == bodies.fingerprint(list(reversed(a)))
    moved = [diag("app/a.py", 9), diag("app/b.py", 30, "CDK304", "bucket is destroyed", name="retain-stateful-data")]
    assert bodies.fingerprint(moved) == bodies.fingerprint(a)  # the base moved: same fix set
    assert len(bodies.fingerprint(a)) == 16
    # computed from the data only (no hash() salt, no time): the same value in every process and release,
    # or pull requests closed before an upgrade would be reopened
    assert bodies.fingerprint([diag("app/a.py", 8)]) == "bd51d27e9b729a74"


@pytest.mark.parametrize("changed", [
    [diag("app/a.py", 8), diag("app/a.py", 12)],                  # one more fix of the same rule
    [diag("app/other.py", 8)],                                     # another file
    [diag("app/a.py", 8, "CDK302", "bucket does not block public access", name="s3-block-public-access")],
    [],
])
def test_fingerprint_changes_when_the_fix_set_changes(changed: list[Diagnostic]) -> None:
    assert bodies.fingerprint(changed) != bodies.fingerprint([diag("app/a.py", 8)])


def test_title_counts_findings_and_names_codes() -> None:
    applied = [diag("a.py", 1), diag("a.py", 2), diag("b.py", 1, "CDK304", "x", name="retain-stateful-data")]
    assert bodies.title(applied) == "fix(cdk): remediate 3 findings (CDK301, CDK304)"
    assert bodies.title(applied[:1]) == "fix(cdk): remediate 1 finding (CDK301)"


def test_body_has_summary_table_impact_changelog_suppression_and_marker() -> None:
    applied = [diag("app/a.py", 8), diag("app/a.py", 20, message="a | pipe")]
    meta = bodies.Meta("0123456789abcdef", "0.1.0", ["security"])
    text = bodies.render(fixes(applied), meta)
    assert text.startswith("remediator fixed 2 findings in 1 file on `main`: CDK301 ×2.\n")
    assert "| app/a.py:8 | CDK301 kms-key-rotation | KMS key does not rotate its key material |" in text
    assert "| app/a.py:20 | CDK301 kms-key-rotation | a \\| pipe |" in text
    assert "| app/a.py | +1 | −1 |" in text and "| CHANGELOG.md | +3 | −0 |" in text
    assert "Every fix is **safe**" in text
    assert "Replacement risk was not assessed" in text
    assert "```markdown\n### Security\n- Enable KMS key rotation on 1 key in app/a.py (CDK301)\n```" in text
    assert "`# remediator: ignore[CODE]`" in text and "`ignore` under `[tool.remediator]`" in text
    assert text.rstrip().endswith("<!-- remediator:meta fingerprint=0123456789abcdef version=0.1.0 labels=security -->")
    assert bodies.parse_meta(text) == meta
    assert not bodies.rebuild_requested(text)


def test_every_unsafe_fix_and_every_replacement_risk_is_named() -> None:
    applied = [diag("app/db.py", 5, "CDK304", "DESTROY on a table", tier="unsafe", name="retain-stateful-data"),
               diag("app/db.py", 9, "CDK304", "DESTROY on a bucket", tier="unsafe", name="retain-stateful-data"),
               diag("app/a.py", 8)]
    risks = ["AWS::DynamoDB::Table Orders (StorageStack): replaced (TableName changed)"]
    text = bodies.render(fixes(applied), bodies.Meta("f", "v"), replacement_risks=risks)
    impact = text.split("### Deployment impact")[1].split("### Changelog entry")[0]
    assert "**unsafe**" in impact
    assert "- app/db.py:5 CDK304 retain-stateful-data: DESTROY on a table" in impact
    assert "- app/db.py:9 CDK304 retain-stateful-data: DESTROY on a bucket" in impact
    assert "app/a.py" not in impact
    assert f"- {risks[0]}" in impact
    assert "Synthesizing before and after showed no resource replacement." in \
        bodies.render(fixes(applied), bodies.Meta("f", "v"), replacement_risks=[])


def test_a_huge_fix_set_is_cut_to_fit_githubs_body_limit() -> None:
    applied = [diag(f"app/stack_{i:04}.py", 8) for i in range(3000)]
    stats = [FileStat(f"app/stack_{i:04}.py", 1, 1) for i in range(3000)]
    text = bodies.render(fixes(applied, stats=stats), bodies.Meta("f", "v"))
    assert len(text) <= bodies.BODY_LIMIT
    assert "more fixes: see the commit" in text and "more files" in text
    assert bodies.parse_meta(text) == bodies.Meta("f", "v")  # the marker survives the cut


def test_marker_replacement_and_rebuild_box() -> None:
    text = bodies.render(fixes([diag("app/a.py", 8)]), bodies.Meta("abc", "0.1.0"))
    meta = bodies.parse_meta(text)
    assert meta is not None and not meta.closed_by_remediator
    meta.closed_by_remediator = True
    closed = bodies.with_meta(text, meta)
    assert bodies.parse_meta(closed).closed_by_remediator
    assert closed.replace(" closed=remediator", "") == text
    assert bodies.parse_meta("a person's body") is None
    assert bodies.parse_meta(bodies.with_meta("a person's body", meta)) == meta
    ticked = text.replace("- [ ] " + bodies.REBUILD_MARK, "- [x] " + bodies.REBUILD_MARK)
    assert bodies.rebuild_requested(ticked) and not bodies.rebuild_requested(text)
    assert bodies.normalized(text.replace("\n", "\r\n")) == bodies.normalized(text)


@pytest.mark.parametrize("url, repo", [
    ("https://github.com/acme/infra.git", "acme/infra"),
    ("https://github.com/acme/infra", "acme/infra"),
    ("https://x-access-token:ghs_secret@github.com/acme/infra.git", "acme/infra"),
    ("git@github.com:acme/infra.git", "acme/infra"),
    ("ssh://git@github.com/acme/infra.git", "acme/infra"),
    ("ssh://git@ghe.example.com:2222/platform-team/cdk.apps", "platform-team/cdk.apps"),
    ("https://ghe.example.com/acme/infra/", "acme/infra"),
    ("/srv/git/infra.git", None),
    ("file:///srv/git/infra.git", None),
    ("https://ghe.example.com/group/sub/infra.git", None),
])
def test_repository_from_remote_url(url: str, repo: str | None) -> None:
    assert repo_from_remote(url) == repo


def test_identity_and_redaction() -> None:
    assert Identity.parse("remediator <remediator@users.noreply.github.com>") == \
        Identity("remediator", "remediator@users.noreply.github.com")
    for bad in ("remediator", "<a@b>", "x <a@b", "x <>"):
        with pytest.raises(ValueError):
            Identity.parse(bad)
    assert redact("fatal: unable to access 'https://x-access-token:s3cr3t@github.com/a/b.git/'") == \
        "fatal: unable to access 'https://***@github.com/a/b.git/'"
    assert redact("token s3cr3t rejected", ["s3cr3t"]) == "token *** rejected"
