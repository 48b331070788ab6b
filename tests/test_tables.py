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


# A schedule written as a caption and numbered entries, a sentence pointing at one column of a table, and
# a lower-case defined term whose definition names the table: a lawyer reads all three as the table.
SCHEDULE_DRAFT = """AGREEMENT ON LISTED MATERIALS

Article 1 Definitions
For the purposes of this Agreement, "listed materials" means the goods set out in Table A.

Article 2 Treatment
1. Each Party shall apply to exports of listed materials the treatment set out in column 2 of Table A.
2. Each Party shall accord to investors of the other Party in the processing of listed materials the treatment set out in Table B.

Article 3 Final provisions
This Agreement shall enter into force on signature.

TABLE A - LISTED MATERIALS

| Good | Treatment on export |
|---|---|
| Lithium ores | No export duty, tax or charge |
| Cobalt mattes | No export duty, tax or charge |

TABLE B - TREATMENT OF INVESTORS

1. Treatment no less favourable than that accorded to the Party's own investors.
2. No limit on foreign equity.
"""


def _statuses(text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    from esa_rules.readers import read_text

    result = checker().check(read_text(text, "<schedules>"))
    return {f.provision: (f.status, tuple(e.unit for e in f.evidence)) for f in result.findings}


def test_a_schedule_of_numbered_entries_is_a_table_to_its_last_entry() -> None:
    from esa_rules.engine.references import Resolver
    from esa_rules.readers import read_text

    doc = read_text(SCHEDULE_DRAFT, "<schedules>")
    tables = {t.label: doc.text[t.start:t.end] for t in Resolver(doc).tables()}
    assert tables["Table B"].endswith("No limit on foreign equity.")
    assert "Lithium ores" in tables["Table A"] and "TABLE B" not in tables["Table A"]


def test_a_lower_case_term_defined_by_a_table_carries_the_table() -> None:
    statuses = _statuses(SCHEDULE_DRAFT)
    # "listed materials" are the lithium and cobalt of Table A; Table B gives them national treatment,
    # and column 2 of Table A bars export duties on them: all decided by the operative sentences
    assert statuses["ESA-SEC-1"][0] == "satisfied" and "Article 2, paragraph 2" in statuses["ESA-SEC-1"][1]
    assert statuses["ESA-SEC-3"][0] == "satisfied" and "Article 2, paragraph 1" in statuses["ESA-SEC-3"][1]
    soft = _statuses(SCHEDULE_DRAFT.replace("shall accord", "should accord"))
    assert soft["ESA-SEC-1"][0] == "weak"


def test_a_lower_case_term_describing_words_carries_nothing() -> None:
    described = SCHEDULE_DRAFT.replace('"listed materials" means the goods set out in Table A',
                                       '"listed materials" means lithium ores and cobalt mattes')
    assert _statuses(described)["ESA-SEC-1"][0] == "missing"


def test_obligations_set_out_in_the_table_in_the_schedule_bind_its_rows() -> None:
    text = ("Article 2 Obligations in the Table\n\nEach Party shall perform the obligations set out in the Table in the "
            "Schedule.\n\nArticle 3 Entry into Force\n\nThis Agreement shall enter into force on signature.\n\n"
            "SCHEDULE\n\nTable\n\n| Row | Goods | Obligation of each Party |\n|-----|-------|------|\n"
            "| 1 | Dual-use items | Notify the other Party of any addition to its national control list 20 days "
            "in advance |\n| 2 | Lithium and cobalt | Apply no duty and no restriction on exports to the other "
            "Party |\n")
    statuses = _statuses(text)
    assert statuses["ESA-EXP-2"][0] == "satisfied" and "Article 2, first paragraph" in statuses["ESA-EXP-2"][1]
    assert statuses["ESA-SEC-3"][0] == "satisfied"
    # "should perform" leaves every row soft
    assert _statuses(text.replace("shall perform", "should perform"))["ESA-SEC-3"][0] == "weak"


MARKED = ("CLAUSE 2 - COMMITMENTS IN THE SCHEDULE\n\n2.1 Each Party shall carry out every entry marked \"Binding\" in "
          "the Schedule.\n\n2.2 Entries marked \"Indicative\" describe what the Parties intend to do.\n\n"
          "SCHEDULE - ESSENTIAL PRODUCTS\n\n| No. | Status | Commitment |\n|-----|--------|------------|\n"
          "| 1 | Binding | Issue an alert to the other Party within 72 hours of a risk of shortage of an essential "
          "product. |\n| 2 | Indicative | Encourage importers to diversify their sources of essential products. |\n"
          "| 3 | Indicative | Exchange views on the prices set by the State in third countries. |\n")


def test_each_row_of_a_schedule_is_read_on_its_own_and_states_its_force_in_its_status_column() -> None:
    statuses = _statuses(MARKED)
    # the "Encourage" of row 2 does not weaken row 1, which is marked Binding
    assert statuses["ESA-SCR-2"][0] == "satisfied"
    # a row marked Indicative is soft, whatever its verb
    assert statuses["ESA-SCR-4"][0] == "weak"
    swapped = MARKED.replace("| 1 | Binding |", "| 1 | Indicative |")
    assert _statuses(swapped)["ESA-SCR-2"][0] == "weak"


ROLLING = ("CHAPTER 18 ECONOMIC SECURITY - CONSOLIDATED NEGOTIATING TEXT\n\n"
           "| Art. | Proposal of A | Proposal of B | Agreed text |\n|---|---|---|---|\n"
           "| 18.1 Supplies | The Parties should, where possible, share information on supply disruptions. | "
           "The Parties shall notify each other of any disruption in the supply of critical goods within five days. | "
           "{agreed} |\n"
           "| 18.2 Security | Nothing in this Chapter shall prevent a Party from taking measures it considers necessary "
           "for the protection of its essential security interests. | [B reserves its position.] | [open] |\n")


def test_only_the_agreed_column_of_a_rolling_texts_table_is_text() -> None:
    closed = "The Parties shall notify each other of any disruption in the supply of critical goods within five days."
    statuses = _statuses(ROLLING.format(agreed=closed))
    # the agreed cell binds on its own: the soft proposal beside it in the same row does not weaken it
    assert statuses["ESA-SCR-2"][0] == "satisfied"
    # a Party's proposal is no agreed text, however firm: the exception proposed by A alone is missing
    assert statuses["ESA-ESX-1"][0] == "missing"
    assert _statuses(ROLLING.format(agreed="[open]"))["ESA-SCR-2"][0] == "missing"
    # a table whose header has no agreed column is an ordinary table: every column is read
    plain = ROLLING.format(agreed=closed).replace("Agreed text", "Comments")
    assert _statuses(plain)["ESA-ESX-1"][0] == "satisfied"


CHARACTER_COLUMN = """Article 2 - Giving effect to Schedule 1

Each Party shall give effect to every undertaking in Schedule 1 that column 4 describes as "Obligation". An
undertaking described as "Aim" does not bind either Party.

SCHEDULE 1

Item | Party | Undertaking | Character
-----|-------|-------------|----------
1 | Each Party | Impose no duty, tax or other charge on the export of lithium, cobalt and rare earth elements to the territory of the other Party. | Obligation
2 | Each Party | Notify the other Party within five working days of any event likely to cause a sudden shortage of critical goods. | Aim
"""


def test_a_row_states_its_force_in_a_column_of_its_own_even_without_outer_bars() -> None:
    from esa_rules.readers import read_text

    result = Checker(load_many(["esa-core"])).check(read_text(CHARACTER_COLUMN, "<schedule>"))
    status = {f.provision: f.status for f in result.findings}
    assert status["ESA-SEC-3"] == "satisfied"  # the row marked Obligation binds
    assert status["ESA-SCR-2"] == "weak"  # the row marked Aim does not


def test_a_row_bound_by_reference_keeps_its_own_qualifier() -> None:
    text = ("Article 2 Obligations in the Table\n\nEach Party shall perform the obligations set out in the Table in the "
            "Schedule.\n\nSCHEDULE\n\nTable\n\n| Row | Goods | Obligation of each Party |\n|-----|-------|------|\n"
            "| 1 | Essential goods | Inform the other Party, to the extent practicable, of any expected shortage of "
            "essential goods |\n| 2 | Lithium and cobalt | Apply no duty and no restriction on exports to the other "
            "Party |\n")
    statuses = _statuses(text)
    # the row's "to the extent practicable" weakens it; the row beside it still binds
    assert statuses["ESA-SCR-2"][0] == "weak"
    assert statuses["ESA-SEC-3"][0] == "satisfied"
    assert _statuses(text.replace(", to the extent practicable,", ""))["ESA-SCR-2"][0] == "satisfied"
