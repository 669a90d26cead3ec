from __future__ import annotations

from typing import Iterator

from remediator.analysis.cdk_facts import bucket_policies_of, is_website_bucket
from remediator.analysis.context import ConstructCall
from remediator.analysis.rule import Finding, Rule, Tier



class S3EnforceSsl(Rule):
    """
    ## What it does
    Finds S3 buckets that accept unencrypted HTTP requests: `s3.Bucket` without
    `enforce_ssl=True`. An `s3.CfnBucket` is reported (without a fix) when its file has no
    bucket policy statement on `aws:SecureTransport`.

    ## Why is this bad?
    Without a policy that denies requests where `aws:SecureTransport` is false, clients may
    read and write objects over plain HTTP, where credentials-signed requests and data can be
    observed or tampered with (cdk-nag AwsSolutions-S10).

    ## Example
    ```python
    bucket = s3.Bucket(self, "Data")
    ```
    Use instead:
    ```python
    bucket = s3.Bucket(self, "Data", enforce_ssl=True)
    ```

    ## Fix safety
    Safe: `enforce_ssl=True` adds one deny statement to the bucket policy (creating the
    policy if needed); clients using the AWS SDKs or CLI already use HTTPS. Buckets with
    website hosting are reported but not changed: S3 website endpoints only speak HTTP, so the
    deny statement would take the site down. Buckets with their own `s3.BucketPolicy` /
    `s3.CfnBucketPolicy` in the same scope are reported but not changed (and not reported when
    the file already names `aws:SecureTransport`): `enforce_ssl=True` would add a second
    `AWS::S3::BucketPolicy` for the bucket, and on deployment one policy would overwrite the
    other. An `s3.CfnBucket` needs a separate
    `CfnBucketPolicy`; the rule reports it with guidance instead of writing one. Calls with a
    `**kwargs` spread and non-literal `enforce_ssl` values are left alone.
    """

    code, name, tier = "CDK303", "s3-enforce-ssl", Tier.SAFE
    summary = "S3 buckets must deny requests that do not use TLS"
    targets = ("aws_cdk.aws_s3.Bucket", "aws_cdk.aws_s3.CfnBucket")
    changelog = "Enforce TLS on {count} S3 {noun}"
    noun = ("bucket", "buckets")

    def check(self, call: ConstructCall) -> Iterator[Finding]:
        if call.has_kwargs_spread:
            return
        if call.is_l1:
            if "aws:SecureTransport" not in call.ctx.source:
                yield self.finding(call, "S3 bucket does not deny plain-HTTP requests: add a CfnBucketPolicy that "
                                         "denies s3:* when aws:SecureTransport is false")
            return
        if call.literal("enforce_ssl") not in (None, False):  # True, or a value we cannot know
            return
        if is_website_bucket(call):
            yield self.finding(call, "S3 bucket does not deny plain-HTTP requests, and it hosts a website (HTTP "
                                     "only): serve it through CloudFront, then set enforce_ssl=True")
            return
        if bucket_policies_of(call):
            if "aws:SecureTransport" not in call.ctx.source:
                yield self.finding(call, "S3 bucket does not deny plain-HTTP requests, and it has its own bucket "
                                         "policy (enforce_ssl=True would add a second one, and one would overwrite "
                                         "the other): deny s3:* when aws:SecureTransport is false in that policy")
            return
        yield self.finding(call, "S3 bucket does not deny plain-HTTP requests",
                           fix=call.set_keyword("enforce_ssl", "True"))

