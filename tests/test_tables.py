"""Tables keep their rows in every format, and a sentence that points to a table binds its rows."""

from __future__ import annotations

import io
from functools import cache

import pytest

from esa_rules.dsl import load_many
from esa_rules.engine import Checker
from esa_rules.readers import read

OPERATIVE = "Each Party shall accord to the goods concerned the treatment indicated in Table 1."
ROWS = [("Good", "Export duty"), ("lithium", "none"), ("cobalt", "none")]
SOFT = OPERATIVE.replace("shall accord", "should accord")


def as_text(operative: str) -> bytes:
    table = "\n".join(f"| {a} | {b} |" for a, b in ROWS)
    return (f"Article 14.2 Treatment of listed goods\n\n{operative}\n\nTable 1 - Treatment of listed goods\n\n"
            f"{table}\n\nArticle 14.3 Other\n\nThe Parties shall cooperate.\n").encode()


def as_html(operative: str) -> bytes:
    rows = "".join(f"<tr><td>{a}</td><td><p>{b}</p></td></tr>" for a, b in ROWS)
    return (f"<html><body><h2>Article 14.2 Treatment of listed goods</h2><p>{operative}</p><table><caption>"
            f"Table 1 - Treatment of listed goods</caption>{rows}</table><h2>Article 14.3 Other</h2>"
            "<p>The Parties shall cooperate.</p></body></html>").encode()


def as_docx(operative: str) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Article 14.2 Treatment of listed goods", style="Heading 2")
    document.add_paragraph(operative)
    document.add_paragraph("Table 1 - Treatment of listed goods")
    table = document.add_table(rows=len(ROWS), cols=2)
    for r, (a, b) in enumerate(ROWS):
        table.cell(r, 0).text, table.cell(r, 1).text = a, b
    document.add_paragraph("Article 14.3 Other", style="Heading 2")
    document.add_paragraph("The Parties shall cooperate.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


FORMATS = {"draft.md": as_text, "draft.html": as_html, "draft.docx": as_docx}


@cache
def checker() -> Checker:
    return Checker(load_many(["esa-core"]))


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_a_table_is_one_block_one_row_per_line(name: str) -> None:
    text = read(name, data=FORMATS[name](OPERATIVE)).text
    rows = [" ".join(line.replace("|", " | ").split()).strip(" |") for line in text.splitlines() if "|" in line]
    assert rows == ["Good | Export duty", "lithium | none", "cobalt | none"]


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_the_sentence_pointing_to_a_table_carries_its_force_to_the_rows(name: str) -> None:
    for operative, expected in ((OPERATIVE, "satisfied"), (SOFT, "weak")):
        result = checker().check(read(name, data=FORMATS[name](operative)))
        finding = next(f for f in result.findings if f.provision == "ESA-SEC-3")
        assert finding.status == expected, name
        operative_evidence, table_evidence = finding.evidence[0], finding.evidence[-1]
        assert "treatment indicated in Table 1" in operative_evidence.quote
        assert table_evidence.role == "reference" and "lithium" in table_evidence.quote


def test_table_rows_point_at_their_own_word_paragraphs() -> None:
    document = read("draft.docx", data=as_docx(OPERATIVE))
    at = document.text.index("cobalt")
    assert document.locate(at).line == 8  # Word counts each cell as a paragraph: 4-5, 6-7, 8-9
