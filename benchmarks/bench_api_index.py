"""How much the aws-cdk-lib API index costs a run.

Measures, in one process and one run (best of N, wall clock):
  baseline   reading the assembly alone: gzip + json.loads of package/.jsii.gz from the wheel's tgz
             (what any tool that reads the jsii assembly pays; no index work)
  build      building the index data from the assembly (includes the baseline's work) + encoding it
  cache      loading the per-version cache file (what every run pays once aws-cdk-lib was seen)
  bundled    loading the index shipped in remediator/data/ (runs without aws-cdk-lib)
  queries    typical CDK1xx lookups on a just-loaded index (constructor keywords, methods, enums)
  process    a new Python process: import + get_index() (from the cache) minus the import alone
Ratios are against the baseline of the same run; the target is cache/bundled load well under 0.2 s.

Usage: python benchmarks/bench_api_index.py [--repeat N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from remediator.api import ApiIndex, bundled_bytes, build_data, encode, locate  # noqa: E402

CLASSES = ["aws_cdk.aws_s3.Bucket", "aws_cdk.aws_dynamodb.Table", "aws_cdk.aws_lambda.Function",
           "aws_cdk.aws_rds.DatabaseInstance", "aws_cdk.aws_cloudtrail.Trail", "aws_cdk.aws_cloudwatch.Alarm",
           "aws_cdk.aws_ec2.Vpc", "aws_cdk.aws_apigateway.RestApi", "aws_cdk.aws_sqs.Queue", "aws_cdk.aws_kms.Key",
           "aws_cdk.aws_logs.LogGroup", "aws_cdk.aws_sns.Topic", "aws_cdk.Stack", "aws_cdk.App"]


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def baseline(tgz: str) -> None:
    with tarfile.open(tgz, "r|gz") as tar:  # one sequential pass, stop at the assembly
        for member in tar:
            if member.name == "package/.jsii.gz":
                fh = tar.extractfile(member)
                assert fh is not None
                json.loads(gzip.decompress(fh.read()))
                return
    raise AssertionError("no package/.jsii.gz")


def queries(raw: bytes) -> None:
    index = ApiIndex(raw)
    for q in CLASSES:
        index.constructor_keywords(q)
        index.methods(q)
    index.enum_members("aws_cdk.aws_logs.RetentionDays")
    index.modules_defining("SnsAction")
    index.module_exists("aws_cdk.aws_elbv2")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per cheap measurement (best of)")
    args = parser.parse_args()
    assembly = locate.from_interpreter()
    if assembly is None:
        print("aws-cdk-lib is not installed in this interpreter; nothing to measure", file=sys.stderr)
        return 2
    print(f"aws-cdk-lib {assembly.version}: {assembly.tgz}")
    slow = max(1, min(args.repeat, 2))
    t_base = best(lambda: baseline(assembly.tgz), slow)
    holder: dict[str, bytes] = {}

    def do_build() -> None:
        holder["raw"] = encode(build_data(assembly))

    t_build = best(do_build, slow)
    raw = holder["raw"]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "api.idx")
        with open(path, "wb") as fh:
            fh.write(raw)

        def load_cache() -> None:
            with open(path, "rb") as f:
                ApiIndex(f.read())

        t_cache = best(load_cache, args.repeat)
    bundled = bundled_bytes()
    t_bundled = best(lambda: ApiIndex(bundled_bytes()), args.repeat)
    t_queries = best(lambda: queries(raw), args.repeat)

    # what a fresh `remediator` process pays: import the package, then get_index() from the cache
    # (a cache written for this run's interpreter), minus the import alone
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, REMEDIATOR_CACHE_DIR=tmp)
        root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
        warm = "from remediator.api import get_index; get_index()"
        subprocess.run([sys.executable, "-c", warm], env=env, cwd=root, check=True)  # writes the cache

        def process(code: str) -> None:
            subprocess.run([sys.executable, "-c", code], env=env, cwd=root, check=True)

        t_import = best(lambda: process("import remediator.api"), args.repeat)
        t_process = best(lambda: process(warm), args.repeat)

    rows = [("baseline: parse assembly", t_base), ("build index from assembly", t_build),
            ("load from cache", t_cache), ("load bundled index", t_bundled),
            ("load + 30 typical queries", t_queries),
            ("new process: get_index - import", max(0.0, t_process - t_import))]
    print(f"cache file {len(raw) / 1e6:.2f} MB, bundled file {len(bundled) / 1e6:.2f} MB")
    print(f"{'step':32} {'seconds':>9} {'x baseline':>11}")
    for name, t in rows:
        print(f"{name:32} {t:9.3f} {t / t_base:11.3f}")
    verdict = "OK" if max(t_cache, t_bundled, t_queries, t_process - t_import) < 0.2 else "SLOW"
    print(f"target: load well under 0.2 s -> {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
