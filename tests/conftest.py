"""Shared fixtures: the real site, built once per test session."""

from __future__ import annotations

import pytest
from support import ROOT, Site, mkdocs_build


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return Site(out, result.stderr)
