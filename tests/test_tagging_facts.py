"""The resource types a new tag replaces (remediator/analysis/tagging.py, used by CDK502) stay
true to CloudFormation's resource schemas as cfn-lint ships them, and name real aws-cdk-lib classes.

A type whose tags became create-only upstream and is missing here would be tagged (and replaced)
by CDK502; a type listed here that is no longer create-only would be left untagged for nothing.
When this fails after a cfn-lint update, update TAG_REPLACING_TYPES to the set printed.
"""

from __future__ import annotations

import pytest

from remediator.analysis.tagging import TAG_REPLACING_CONSTRUCTS, TAG_REPLACING_TYPES, replaced_by_new_tags

schema = pytest.importorskip("cfnlint.schema")


def _tags_create_only(resource_type: str) -> bool | None:
    """Whether the type's tag property is create-only; None for a type cfn-lint does not know."""
    from remediator.verify.replacement import SCHEMA_REGION, create_only_properties

    try:
        data = schema.PROVIDER_SCHEMA_MANAGER.get_resource_schema(SCHEMA_REGION, resource_type).schema
    except schema.ResourceNotFoundError:
        return None
    pointer = (data.get("tagging") or {}).get("tagProperty") or "/properties/Tags"
    tag_path = tuple(pointer.split("/")[2:])
    return any(path[:len(tag_path)] == tag_path for path in create_only_properties(resource_type))


def test_the_list_is_what_the_schemas_say() -> None:
    known = schema.PROVIDER_SCHEMA_MANAGER.get_resource_types("us-east-1")
    upstream = {t for t in known if _tags_create_only(t)}
    missing = sorted(upstream - TAG_REPLACING_TYPES)
    stale = sorted(t for t in TAG_REPLACING_TYPES if _tags_create_only(t) is False)
    assert not missing and not stale, f"tags are create-only on {missing} (add them); no longer on {stale}"


def test_the_check_can_fail() -> None:
    """Types whose tags update in place are told apart from those that replace."""
    assert _tags_create_only("AWS::S3::Bucket") is False
    assert _tags_create_only("AWS::EC2::KeyPair") is True


def test_l1_classes_map_to_their_types() -> None:
    from remediator.api import get_index

    api = get_index(None, None)
    mapped = {t for t in TAG_REPLACING_TYPES
              if replaced_by_new_tags(f"aws_cdk.aws_{t.split('::')[1].lower()}.Cfn{t.split('::')[2]}") == (t,)}
    assert mapped == TAG_REPLACING_TYPES
    classes = [f"aws_cdk.aws_{t.split('::')[1].lower()}.Cfn{t.split('::')[2]}" for t in sorted(TAG_REPLACING_TYPES)]
    present = [q for q in classes if api.has_type(q)]
    # every type aws-cdk-lib has an L1 for is taggable there (so Tags.of reaches it)
    assert all(api.is_subtype(q, "aws_cdk.ITaggable") or api.is_subtype(q, "aws_cdk.ITaggableV2") for q in present)
    assert len(present) >= len(classes) - 3, sorted(set(classes) - set(present))
    assert all(api.has_type(q) for q in TAG_REPLACING_CONSTRUCTS)
    assert replaced_by_new_tags("aws_cdk.aws_s3.Bucket") == ()
