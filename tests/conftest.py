from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="Rewrite golden expectations (expected.py, .findings.txt, .expected.diff) for review.")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


# The CDK apps under corpus/ and apps/ are inputs, not tests (some carry their own test files).
collect_ignore_glob = ["corpus/*", "apps/*"]
