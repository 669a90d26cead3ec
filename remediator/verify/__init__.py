"""Verification: synthesize a CDK app before and after a fix, and compare what it deploys.

:mod:`remediator.verify.synthesize` runs an app the way ``cdk synth`` does (with cdk-nag attached from
outside the app when asked).
"""

from remediator.verify.synthesize import *  # noqa: F401,F403
