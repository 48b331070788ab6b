"""Test-wide settings.

Hypothesis: CI runs the ``ci`` profile (set ``HYPOTHESIS_PROFILE=ci``, as .ci/run does), which is
derandomized, so a commit's result never depends on the luck of the draw; a local run stays random and
keeps finding new cases. A case found locally belongs in the test as an explicit ``@example``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", derandomize=True, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(autouse=True, scope="session")
def _private_ruleset_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Commands run by the tests (in process or as subprocesses) cache rulesets in a folder of this
    session, never in the user's ~/.cache."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before
