"""The comparison of two synthesized apps, on CloudFormation templates written out here (no synth):
resources added/removed/modified per stack, and the replacement check against the create-only
properties of cfn-lint's bundled resource schemas."""

from __future__ import annotations

import copy

import pytest

from remediator.verify.compare import diff_templates
from remediator.verify.replacement import (CREATE_ONLY, REMOVED, TYPE_CHANGED, changed_create_only,
                                           create_only_properties, find_replacements, values_at)


def _res(rtype: str, path: str, props: dict | None = None, **attrs) -> dict:
    out = {"Type": rtype, "Metadata": {"aws:cdk:path": path}, **attrs}
    if props is not None:
        out["Properties"] = props
    return out


BEFORE = {
    "Storage": {"Resources": {
        "Bucket83908E77": _res("AWS::S3::Bucket", "Storage/Bucket/Resource", {"BucketName": "orders-a"},
                               DeletionPolicy="Retain"),
        "KeyF1B4A1A8": _res("AWS::KMS::Key", "Storage/Key/Resource", {"KeyPolicy": {"Statement": []}}),
        "QueueABC": _res("AWS::SQS::Queue", "Storage/Queue/Resource", {}),
        "LogsRetained": _res("AWS::Logs::LogGroup", "Storage/Logs/Resource", {}, DeletionPolicy="Retain"),
        "Thing": _res("AWS::SNS::Topic", "Storage/Thing/Resource", {}),
        "CDKMetadata": {"Type": "AWS::CDK::Metadata", "Properties": {"Analytics": "v2:deflate64:AAA"}},
    }},
    "Old": {"Resources": {"T": _res("AWS::SNS::Topic", "Old/T/Resource", {})}},
}


def _after() -> dict:
    after = copy.deepcopy(BEFORE)
    res = after["Storage"]["Resources"]
    res["Bucket83908E77"]["Properties"]["BucketName"] = "orders-b"  # create-only: replacement
    res["KeyF1B4A1A8"]["Properties"]["EnableKeyRotation"] = True  # updatable in place
    res["KeyF1B4A1A8"]["Metadata"]["cdk_nag"] = {"rules_to_suppress": []}  # metadata deploys nothing
    res["JobsDEF"] = res.pop("QueueABC")  # construct id renamed
    res["JobsDEF"]["Metadata"]["aws:cdk:path"] = "Storage/Jobs/Resource"
    del res["LogsRetained"]  # removed, but retained
    res["Thing"]["Type"] = "AWS::SQS::Queue"  # same logical id, another type
    res["CDKMetadata"]["Properties"]["Analytics"] = "v2:deflate64:BBB"  # version reporting: ignored
    res["Extra"] = _res("AWS::SNS::Topic", "Storage/Extra/Resource", {})
    del after["Old"]
    after["New"] = {"Resources": {"T": _res("AWS::SNS::Topic", "New/T/Resource", {})}}
    return after


def test_diff_counts_added_removed_modified_per_stack() -> None:
    diffs = {d.stack: d for d in diff_templates(BEFORE, _after())}
    assert sorted(diffs) == ["New", "Old", "Storage"]
    assert diffs["New"].status == "added" and diffs["New"].counts == (1, 0, 0)
    assert diffs["Old"].status == "removed" and diffs["Old"].counts == (0, 1, 0)
    storage = diffs["Storage"]
    assert storage.status == "changed"
    assert [r.logical_id for r in storage.added] == ["Extra", "JobsDEF"]
    assert [r.logical_id for r in storage.removed] == ["LogsRetained", "QueueABC"]
    assert {r.logical_id: r.changes for r in storage.modified} == {
        "Bucket83908E77": ("Properties.BucketName",),
        "KeyF1B4A1A8": ("Properties.EnableKeyRotation",),
        "Thing": ("Type",),
    }
    assert storage.added[1].path == "Storage/Jobs/Resource"
    assert storage.to_json()["counts"] == {"added": 2, "removed": 2, "modified": 3}


def test_identical_templates_and_metadata_only_changes_are_unchanged() -> None:
    after = copy.deepcopy(BEFORE)
    after["Storage"]["Resources"]["KeyF1B4A1A8"]["Metadata"]["extra"] = 1
    assert {d.stack: d.status for d in diff_templates(BEFORE, after)} == {"Old": "unchanged", "Storage": "unchanged"}


def test_replacements_name_resource_and_property() -> None:
    after = _after()
    found = find_replacements(BEFORE, after, diff_templates(BEFORE, after))
    got = {(r.logical_id, r.reason, r.prop) for r in found}
    assert got == {("Bucket83908E77", CREATE_ONLY, "BucketName"), ("QueueABC", REMOVED, None),
                   ("LogsRetained", REMOVED, None), ("Thing", TYPE_CHANGED, "Type")}
    by_id = {r.logical_id: r for r in found}
    bucket = by_id["Bucket83908E77"]
    assert (bucket.before, bucket.after, bucket.stack, bucket.type) == ("orders-a", "orders-b", "Storage",
                                                                        "AWS::S3::Bucket")
    assert "Storage/Bucket/Resource (AWS::S3::Bucket Bucket83908E77)" in bucket.message
    assert 'BucketName is create-only and changes from "orders-a" to "orders-b"' in bucket.message
    # the one resource of the same type added in the stack is named as the likely new id
    assert by_id["QueueABC"].replaced_by == "JobsDEF" and "JobsDEF" in by_id["QueueABC"].message
    assert by_id["LogsRetained"].retained and "left behind unmanaged" in by_id["LogsRetained"].message
    assert not by_id["QueueABC"].retained and "would be deleted" in by_id["QueueABC"].message
    # stacks that only one app has are not replacements (cdk deploy creates or leaves them)
    assert not any(r.stack in ("Old", "New") for r in found)
    assert bucket.to_json()["property"] == "BucketName"


def test_create_only_properties_come_from_the_bundled_schemas() -> None:
    assert ("BucketName",) in create_only_properties("AWS::S3::Bucket")
    assert ("TableName",) in create_only_properties("AWS::DynamoDB::Table")
    assert ("LogGroupName",) in create_only_properties("AWS::Logs::LogGroup")
    assert create_only_properties("AWS::KMS::Key") == ()  # everything updates in place
    assert create_only_properties("AWS::CDK::Metadata") == ()  # no schema
    # custom resources share AWS::CloudFormation::CustomResource's schema
    assert ("ServiceToken",) in create_only_properties("Custom::S3AutoDeleteObjects")
    # nested paths are split below /properties
    assert ("RootDirectory", "Path") in create_only_properties("AWS::EFS::AccessPoint")


def test_nested_create_only_paths_name_the_innermost_property() -> None:
    """AWS::EFS::AccessPoint lists RootDirectory and RootDirectory/Path (and PosixUser, PosixUser/Uid):
    a new path names RootDirectory/Path, not its parent."""
    old = {"FileSystemId": "fs-1", "RootDirectory": {"Path": "/export"}, "PosixUser": {"Uid": "1000", "Gid": "1000"}}
    new = {"FileSystemId": "fs-1", "RootDirectory": {"Path": "/data"}, "PosixUser": {"Uid": "1000", "Gid": "1000"}}
    assert changed_create_only("AWS::EFS::AccessPoint", old, new) == [("RootDirectory/Path", "/export", "/data")]
    new["PosixUser"] = {"Uid": "1001", "Gid": "1000"}
    assert [p for p, _, _ in changed_create_only("AWS::EFS::AccessPoint", old, new)] == ["PosixUser/Uid",
                                                                                         "RootDirectory/Path"]
    # an equal value is no change, whatever else changed
    assert changed_create_only("AWS::EFS::AccessPoint", old, {**old, "AccessPointTags": [{"Key": "a"}]}) == []
    # a create-only property that appears (or disappears) is a change
    (change,) = changed_create_only("AWS::S3::Bucket", {}, {"BucketName": "b"})
    assert change[0] == "BucketName" and change[2] == "b" and repr(change[1]) == "(not set)"
    assert changed_create_only("AWS::S3::Bucket", {}, {}) == []


def test_wildcard_paths_match_list_items() -> None:
    value = {"Tags": [{"Key": "a", "Value": "1"}, {"Key": "b", "Value": "2"}]}
    assert dict(values_at(value, ("Tags", "*", "Key"))) == {("Tags", "0", "Key"): "a", ("Tags", "1", "Key"): "b"}
    assert dict(values_at(value, ("Missing", "*"))) == {}
    parts = ("Tags", "*", "Key")
    assert parts in create_only_properties("AWS::RedshiftServerless::Snapshot")
    changed = changed_create_only("AWS::RedshiftServerless::Snapshot", value,
                                  {"Tags": [{"Key": "a", "Value": "1"}, {"Key": "c", "Value": "2"}]})
    assert [(p, a, b) for p, a, b in changed] == [("Tags/1/Key", "b", "c")]


@pytest.mark.parametrize("old, new", [({"Ref": "A"}, {"Ref": "B"}), ("x", {"Fn::Join": ["", ["x"]]})])
def test_intrinsic_values_compare_as_written(old, new) -> None:
    """A reference to another resource is compared as written: Ref A -> Ref B is a new value."""
    assert changed_create_only("AWS::S3::Bucket", {"BucketName": old}, {"BucketName": new})[0][0] == "BucketName"


def test_report_header_counts_changes_in_and_outside_the_app(tmp_path) -> None:
    from remediator.verify.verification import CannotRun, Verification

    app = tmp_path / "infra"
    v = Verification(str(app), [str(app / "stacks" / "a.py"), str(app / "b.py"), str(tmp_path / "lib" / "c.py")],
                     cannot_run=CannotRun("no-node", "no Node.js: no node on PATH", ["last line"]))
    assert v.render_text(str(tmp_path)).splitlines() == [
        "verify infra: 2 changed files in the app (1 more outside it)",
        "error: synthesis cannot run: no Node.js: no node on PATH",
        "  last line",
    ]
    data = v.to_json(str(tmp_path))
    assert sorted(data["changed"]) == ["infra/b.py", "infra/stacks/a.py", "lib/c.py"]
    assert data["status"] == "cannot-run" and data["exit_status"] == 2 and data["cannot_run"]["kind"] == "no-node"
