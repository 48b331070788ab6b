from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

import attrs
import pytest
from conftest_reports import coe_violated, document, sample_report, two_document_report

from esa_rules.reporters import junit

XSD = Path(__file__).resolve().parent / "golden" / "junit.xsd"


@pytest.fixture(scope="module")
def schema():
    xmlschema = pytest.importorskip("xmlschema")
    return xmlschema.XMLSchema(str(XSD))


@pytest.mark.parametrize("fail_on", ["error", "warning", "info", "never"])
def test_valid_against_the_junit_xsd(schema, fail_on: str) -> None:
    schema.validate(junit.render(two_document_report(), fail_on=fail_on))


def test_the_xsd_rejects_what_it_should(schema) -> None:
    assert not schema.is_valid('<testsuites><testsuite name="x"/></testsuites>')  # tests is required


def test_readable_by_junitparser(tmp_path: Path) -> None:
    junitparser = pytest.importorskip("junitparser")
    path = tmp_path / "report.xml"
    path.write_text(junit.render(sample_report(), fail_on="warning"), encoding="utf-8")
    xml = junitparser.JUnitXml.fromfile(str(path))
    suites = list(xml)
    assert [s.name for s in suites] == ["drafts/uk-ch3.txt"]
    suite = suites[0]
    assert suite.tests == 4 and suite.failures == 2
    outcomes = {case.name.split()[0]: [type(r).__name__ for r in case.result] for case in suite}
    assert outcomes == {"ESA-COM-1": ["Failure"], "ESA-COE-2": [], "ESA-EXP-1": ["Failure"], "ESA-INV-1": []}


@pytest.mark.parametrize(("fail_on", "failing"), [("error", 1), ("warning", 2), ("info", 3), ("never", 0)])
def test_failures_follow_the_threshold(fail_on: str, failing: int) -> None:
    root = ET.fromstring(junit.render(sample_report(), fail_on=fail_on))
    assert root.get("failures") == str(failing)
    assert len(root.findall(".//failure")) == failing
    # gaps below the threshold still say what they are
    assert len(root.findall(".//system-out")) == 3 - failing


def test_waived_is_skipped_with_its_reason() -> None:
    doc = document(findings=(attrs.evolve(coe_violated(), status="waived", waiver="accepted by the council",
                                          waived_status="violated"),))
    root = ET.fromstring(junit.render(sample_report((doc,)), fail_on="info"))
    skipped = root.find(".//skipped")
    assert skipped is not None and "accepted by the council" in skipped.get("message", "")
    assert root.get("failures") == "0" and root.get("skipped") == "1"


def test_characters_xml_cannot_carry_are_replaced(schema) -> None:
    doc = document(findings=(coe_violated("The Parties shall consult\x0b on \x00coercion."),))
    text = junit.render(sample_report((doc,)), fail_on="info")
    schema.validate(text)
    assert "\ufffd" in text


def test_unreadable_inputs_are_errors() -> None:
    root = ET.fromstring(junit.render(two_document_report()))
    assert root.get("errors") == "1"
    assert root.find(".//error").get("message") == "not a zip file"
