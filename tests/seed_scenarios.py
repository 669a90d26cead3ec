"""The four seed scenarios: one small CDK app per review document, and what the review found in it.

Each scenario lists every failure its review document describes, with the rule that fixes it
(safe tier, or only with ``--unsafe-fixes``), reports it, or nothing when no rule covers it, and the
cdk-nag AwsSolutions rules the fixes promise to clear. ``tests/test_seed_scenarios.py`` proves
each line; the README's scenario table is generated from it (``render_table``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

SEEDS = os.path.join(os.path.dirname(__file__), os.pardir, "golden", "seeds")


@dataclass(frozen=True)
class Failure:
    text: str  #: the failure, as the review describes it
    code: str | None = None  #: the rule that handles it (None: no rule covers it)
    how: str = "fixed"  #: "fixed" (safe fix), "unsafe" (fixed with --unsafe-fixes), "reported"


@dataclass(frozen=True)
class Scenario:
    seed: str
    title: str
    failures: tuple[Failure, ...]
    #: cdk-nag AwsSolutions rules the fixes promise to clear (zero findings after the fix)
    nag_cleared: tuple[str, ...] = ()
    #: does the app as drafted synthesize?
    synthesizes_before: bool = True

    @property
    def folder(self) -> str:
        return os.path.join(SEEDS, self.seed)

    def codes(self, how: str) -> set[str]:
        return {f.code for f in self.failures if f.how == how and f.code}


F = Failure

SCENARIOS = (
    Scenario(
        "000-web-tier", "Web tier: VPC, auto-scaled EC2 fleet, public load balancer, asset buckets",
        (
            F("inconsistent indentation in `_create_compute_infrastructure`", "CDK109"),
            F("missing final newline", "CDK108"),
            F("unused imports `aws_events`, `aws_events_targets`", "CDK107"),
            F("hard-coded resource names", "CDK202", "unsafe"),
            F("incomplete cross-region replication (no replication configuration or role)"),
            F("missing outputs for VPC and subnet ids", "CDK501"),
            F("IAM policy with `*` resources", "CDK307", "reported"),
            F("KMS key without rotation", "CDK301"),
            F("S3 public access not blocked explicitly", "CDK302"),
            F("no scaling policy on the Auto Scaling group", "CDK401"),
            F("no detailed monitoring for the instances", "CDK402"),
            F("no access logs on the Application Load Balancer", "CDK403"),
            F("large, monolithic method", "CDK503", "reported"),
            F("methods without docstrings", "CDK504", "reported"),
        ),
        nag_cleared=("KMS5", "ELB2", "S10"),
    ),
    Scenario(
        "001-serverless-data", "Serverless data pipeline: Lambda in a VPC, S3, DynamoDB, CloudTrail, alarm",
        (
            F("missing import of `aws_cloudwatch_actions`", "CDK102"),
            F("`bucket.grant()` is not an S3 bucket method", "CDK104"),
            F("deprecated DynamoDB point-in-time recovery parameter", "CDK105"),
            F("`reserved_concurrent_executions` fails deployment on low-concurrency accounts", "CDK203", "unsafe"),
            F("CloudTrail cannot use its KMS key (no key policy statement)", "CDK206"),
            F("overly complex CloudTrail configuration"),
            F("S3 buckets do not enforce SSL", "CDK303"),
            F("overly broad IAM permissions for the Lambda function", "CDK307", "reported"),
            F("S3 public access not blocked explicitly", "CDK302"),
            F("128 MB for every Lambda function regardless of workload"),
            F("NAT gateway cost without VPC endpoints", "CDK411", "unsafe"),
            F("PAY_PER_REQUEST billing without workload analysis"),
            F("no CloudWatch alarms for DynamoDB", "CDK410"),
            F("no CloudWatch alarms for S3 activity"),
            F("no X-Ray tracing on Lambda", "CDK404"),
            F("no Environment / Owner / Project tags", "CDK502"),
            F("no outputs for bucket, table and function ARNs", "CDK501"),
        ),
        nag_cleared=("S10", "KMS5"),
        synthesizes_before=False,
    ),
    Scenario(
        "002-static-site", "\"Production-grade\" static site: CloudFront, certificate, WAF, KMS, secret",
        (
            F("one large, monolithic stack method", "CDK503", "reported"),
            F("placeholder values (`example.com`, `placeholder-key`)", "CDK209", "reported"),
            F("`self` attributes that break synth (`self.environment`)", "CDK106"),
            F("outputs embedded at the end of a method"),
            F("`RemovalPolicy.DESTROY` in a \"production\" stack", "CDK304"),
            F("ACM and WAF resources need setup: a CLOUDFRONT WAF outside us-east-1", "CDK208", "reported"),
            F("explicit bucket names collide across environments", "CDK202", "unsafe"),
            F("a new KMS key used at once may be in an invalid state"),
            F("context variables that may not be set", "CDK201"),
            F("certificate for a placeholder domain", "CDK209", "reported"),
            F("secret ARN in a stack output", "CDK310", "reported"),
            F("`CloudWatchFullAccess` for the CloudWatch role", "CDK308", "reported"),
            F("no dynamic scaling beyond CPU, no performance tuning or caching"),
            F("WAF for CloudFront must be in us-east-1", "CDK208", "reported"),
        ),
        nag_cleared=("KMS5", "S10"),
        synthesizes_before=False,
    ),
    Scenario(
        "004-api-platform", "API platform: REST API on Lambda, DynamoDB, PostgreSQL, uploads, flow logs",
        (
            F("flow-log role with a managed policy that does not exist", "CDK205"),
            F("`RemovalPolicy.DESTROY` on RDS and DynamoDB", "CDK304"),
            F("generated database secret without naming or tags"),
            F("resource names without an environment suffix", "CDK202", "unsafe"),
            F("no default for the `environmentSuffix` context variable", "CDK201"),
            F("`VPCFlowLogsDeliveryRolePolicy` does not exist (deployment fails)", "CDK205"),
            F("`s3:*` and `dynamodb:*` on every resource", "CDK307", "reported"),
            F("no CORS configuration", "CDK311"),
            F("no dead-letter queues for Lambda functions", "CDK306"),
            F("secrets not encrypted with a customer-managed key", "CDK305"),
            F("no structured (JSON) logging for API Gateway and Lambda", "CDK405"),
            F("no API Gateway access logging", "CDK406"),
            F("no API Gateway throttling", "CDK407"),
            F("256 MB for Lambda without justification"),
            F("no Owner / Project tags", "CDK502"),
            F("inline Lambda code instead of an asset", "CDK505", "unsafe"),
            F("no validation of outputs after deployment"),
        ),
        nag_cleared=("APIG1", "APIG6", "DDB3", "S10"),
    ),
)


def scenario(seed: str) -> Scenario:
    return next(s for s in SCENARIOS if s.seed == seed)


def _count(s: Scenario, how: str) -> int:
    return sum(1 for f in s.failures if f.how == how and f.code)


def _nag(figures: dict | None, key: str) -> str:
    value = (figures or {}).get(key)
    return "synth fails" if value is None else str(value)


def render_table(nag: dict[str, dict]) -> str:
    """The README's scenario table; ``nag`` is each seed's measured cdk-nag totals
    (``expected.nag.json``: before, safe, unsafe)."""
    rows = ["| Scenario | Failures documented | Fixed (safe) | Fixed with `--unsafe-fixes` | Reported | Not covered "
            "| cdk-nag findings: drafted → safe fix → unsafe fix |",
            "|---|---|---|---|---|---|---|"]
    for s in SCENARIOS:
        figures = nag.get(s.seed)
        uncovered = sum(1 for f in s.failures if not f.code)
        rows.append(f"| [{s.seed}](golden/seeds/{s.seed}/) {s.title} | {len(s.failures)} | {_count(s, 'fixed')} "
                    f"| {_count(s, 'unsafe')} | {_count(s, 'reported')} | {uncovered} "
                    f"| {_nag(figures, 'before')} → {_nag(figures, 'safe')} → {_nag(figures, 'unsafe')} |")
    return "\n".join(rows) + "\n"


HOW = {"fixed": "fixed", "unsafe": "fixed with `--unsafe-fixes`", "reported": "reported"}


def render_readme(s: Scenario) -> str:
    """``golden/seeds/<seed>/README.md``: what the review found, and what remediator does about each."""
    lines = [f"# Seed {s.seed}: {s.title}", "",
             "A small CDK app drafted the way an AI assistant drafted it, with every failure its review",
             "found. `input/` is the app as drafted (`app.py`, the stack, `cdk.json`, and the team's",
             "`[tool.remediator]` settings in `pyproject.toml`); `expected/` is what `remediator fix` makes",
             "of it, with its changelog, and `expected.diff` what `remediator fix --diff` prints;",
             "`expected-unsafe/` and `expected-unsafe.diff` are the same with `--unsafe-fixes`;",
             "`expected.nag.json` counts cdk-nag AwsSolutions findings before and after.",
             "",
             "| Failure found in review | Rule | remediator |",
             "|---|---|---|"]
    for f in s.failures:
        lines.append(f"| {f.text} | {f.code or '—'} | {HOW[f.how] if f.code else 'not covered'} |")
    lines += ["", "The app as drafted " + ("synthesizes." if s.synthesizes_before else "does not synthesize."),
              "After the fixes it synthesizes, and these cdk-nag rules have no findings left: "
              + ", ".join(f"AwsSolutions-{r}" for r in s.nag_cleared) + ".",
              "`tests/test_seed_scenarios.py` proves every line of this page."]
    return "\n".join(lines) + "\n"
