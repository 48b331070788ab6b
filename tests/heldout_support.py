"""Shared machinery of the held-out test sets (tests/test_heldout*.py).

A held-out set is a folder of drafts written and labelled by hand (``labels.csv``: path, provision,
expected) before the tool was first run on them. Rows the tool cannot get right yet are strict xfails
with their reason, so fixing one turns it into an unexpected pass and its entry must go.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import pytest

from esa_rules.dsl import load_many
from esa_rules.engine import Checker
from esa_rules.readers import read

ROOT = Path(__file__).resolve().parents[1]
STATUSES = {"satisfied", "weak", "missing", "violated", "present"}
Key = tuple[str, str]  # (draft stem, provision id)


@cache
def checker() -> Checker:
    return Checker(load_many(["esa-core"]))


def agrees(expected: str, actual: str) -> bool:
    """``present`` accepts satisfied or weak; every other label must match exactly."""
    return actual in {"satisfied", "weak"} if expected == "present" else actual == expected


class HeldoutSet:
    def __init__(self, folder: str, gaps: Mapping[Key, str]) -> None:
        self.folder = ROOT / "tests/fixtures" / folder
        self.gaps = dict(gaps)

    @cached_property
    def rows(self) -> list[dict[str, str]]:
        with (self.folder / "labels.csv").open(newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))

    @cache  # noqa: B019 - one instance per module, kept for the whole run on purpose
    def statuses(self, name: str) -> dict[str, str]:
        result = checker().check(read(str(self.folder / f"{name}.txt")))
        return {f.provision: f.status for f in result.findings}

    def actual(self, row: Mapping[str, str]) -> str:
        return self.statuses(Path(row["path"]).stem)[row["provision"]]

    def params(self) -> list[Any]:
        out = []
        for row in self.rows:
            key = (Path(row["path"]).stem, row["provision"])
            marks = [pytest.mark.xfail(reason=self.gaps[key], strict=True)] if key in self.gaps else []
            out.append(pytest.param(row, id=f"{key[0]}:{key[1]}", marks=marks))
        return out

    def agreement(self) -> int:
        return sum(agrees(r["expected"], self.actual(r)) for r in self.rows)

    def check_coverage(self, drafts: int) -> None:
        """Every draft labels every provision once, with a known status, and every gap names a row."""
        rows = self.rows
        assert rows and set(rows[0]) == {"path", "provision", "expected"}
        assert all(r["expected"] in STATUSES for r in rows)
        ids = sorted(p.id for p in checker().provisions)
        names = sorted(p.stem for p in self.folder.glob("*.txt"))
        assert len(names) == drafts
        for name in names:
            assert sorted(r["provision"] for r in rows if Path(r["path"]).stem == name) == ids, name
        assert set(self.gaps) <= {(Path(r["path"]).stem, r["provision"]) for r in rows}
