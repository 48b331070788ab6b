from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest_reports import document, sample_report, two_document_report

from esa_rules.errors import UsageError
from esa_rules.waivers import apply_waivers, load_waivers, outcome_notes, parse_waivers

TODAY = dt.date(2026, 11, 27)

WAIVERS = """\
# accepted gaps for round 3
[[waiver]]
provision = "ESA-EXP-1"
documents = "drafts/uk-*"
reason = "Covered by the side letter on export control coordination"
approved_by = "Chief negotiator"
expires = 2027-03-31

[[waiver]]
provision = "ESA-COM-1"
reason = "Compartmentalization is handled in the dispute settlement chapter"
approved_by = "Legal adviser"
expires = 2026-01-31

[[waiver]]
provision = "ESA-INV-1"
reason = "Kept for the record"
approved_by = "Legal adviser"
"""


def test_parse_records_fields_and_lines() -> None:
    waivers = parse_waivers(WAIVERS, "waivers.toml")
    assert [(w.provision, w.line) for w in waivers] == [("ESA-EXP-1", 2), ("ESA-COM-1", 9), ("ESA-INV-1", 15)]
    assert waivers[0].documents == ("drafts/uk-*",) and waivers[0].expires == dt.date(2027, 3, 31)
    assert waivers[2].expires is None


def test_apply_waives_matching_gaps_and_reports_expired_and_unused() -> None:
    report, outcome = apply_waivers(two_document_report(), parse_waivers(WAIVERS, "w.toml"), TODAY)
    by_doc = {d.path: {f.provision: f for f in d.findings} for d in report.documents}
    uk, jp = by_doc["drafts/uk-ch3.txt"], by_doc["drafts/jp-ch3.txt"]
    assert uk["ESA-EXP-1"].status == "waived" and uk["ESA-EXP-1"].waived_status == "weak"
    assert "side letter" in (uk["ESA-EXP-1"].waiver or "") and "Chief negotiator" in (uk["ESA-EXP-1"].waiver or "")
    assert jp["ESA-EXP-1"].status == "weak"  # the glob names only the UK drafts
    # expired: the gap counts again
    assert uk["ESA-COM-1"].status == "missing"
    assert [w.provision for w in outcome.expired] == ["ESA-COM-1"]
    # satisfied provisions are never waived, so that waiver is unused
    assert [w.provision for w in outcome.unused] == ["ESA-INV-1"]
    assert report.summary()["waived"] == 1
    assert report.failing("error") == [(report.documents[1], jp["ESA-EXP-1"])]
    notes = outcome_notes(outcome, TODAY)
    assert notes[0].startswith("w.toml:9: waiver for ESA-COM-1 expired on 2026-01-31")
    assert notes[1].startswith("w.toml:15: waiver for ESA-INV-1 matched no gap")


def test_waiver_valid_through_its_expiry_day() -> None:
    waivers = parse_waivers(WAIVERS, "w.toml")
    _, outcome = apply_waivers(sample_report(), waivers, dt.date(2026, 1, 31))
    assert not outcome.expired


def test_unknown_provision_is_a_usage_error_with_location_and_hint() -> None:
    text = WAIVERS + '\n[[waiver]]\nprovision = "ESA-EXP-11"\nreason = "r"\napproved_by = "a"\n'
    with pytest.raises(UsageError) as err:
        apply_waivers(sample_report(), parse_waivers(text, "w.toml"), TODAY)
    assert err.value.path == "w.toml" and err.value.line == 20
    assert "ESA-EXP-11" in str(err.value) and "ESA-EXP-1" in (err.value.hint or "")


def test_known_provisions_can_come_from_the_ruleset() -> None:
    waivers = parse_waivers('[[waiver]]\nprovision = "ESA-X"\nreason = "r"\napproved_by = "a"\n')
    _, outcome = apply_waivers(sample_report(()), waivers, TODAY, known={"ESA-X"})
    assert [w.provision for w in outcome.unused] == ["ESA-X"]


@pytest.mark.parametrize(("text", "line", "needle"), [
    ('[[waiver]]\nprovision = "ESA-EXP-1"\nreason = "r"\n', 1, "approved_by"),
    ('\n[[waiver]]\nprovision = "ESA-EXP-1"\nreason = "r"\napproved_by = "a"\nexpire = 2027-01-01\n', 2, "expires"),
    ('[[waiver]]\nprovision = "ESA-EXP-1"\nreason = "r"\napproved_by = "a"\nexpires = "soon"\n', 1, "date"),
    ('[[waiver]]\nprovision = "ESA-EXP-1"\nreason = "r"\napproved_by = "a"\ndocuments = 3\n', 1, "glob"),
    ('[[waiver]\nprovision = 1\n', 1, "TOML"),
    ('[waiver]\nprovision = "x"\n', 1, "[[waiver]]"),
])
def test_bad_files_name_the_line(text: str, line: int, needle: str) -> None:
    with pytest.raises(UsageError) as err:
        parse_waivers(text, "w.toml")
    assert err.value.line == line and needle in str(err.value)


def test_document_globs_and_lists(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    path.write_text('[[waiver]]\nprovision = "ESA-EXP-1"\ndocuments = ["other/*", "./drafts/jp-*"]\n'
                    'reason = "r"\napproved_by = "a"\n', encoding="utf-8")
    (waiver,) = load_waivers(path)
    assert waiver.covers("drafts/jp-ch3.txt") and waiver.covers("drafts\\jp-ch3.txt")
    assert not waiver.covers("drafts/uk-ch3.txt")
    report, _ = apply_waivers(sample_report((document("./drafts/jp-1.txt"),)), (waiver,), TODAY)
    assert report.summary()["waived"] == 1


def test_unreadable_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as err:
        load_waivers(tmp_path / "absent.toml")
    assert err.value.path and err.value.path.endswith("absent.toml")
