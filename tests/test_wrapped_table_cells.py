"""Tables typed in a fixed-width font, whose cells wrap over several lines, are read row by row, and a
sentence that binds a Party to "the actions set out in column 3 of the table in Annex I" binds it to them."""

from __future__ import annotations

from functools import cache

from hypothesis import given
from hypothesis import strategies as st

from esa_rules.dsl import load_many
from esa_rules.engine import Checker
from esa_rules.engine.references import Resolver
from esa_rules.readers import read_text
from esa_rules.readers.tables import reflow

GRID = """\
+-----+------------------+---------------------------+
| Row | Subject          | Action                    |
+-----+------------------+---------------------------+
| 1   | Listed items     | Notify the other Party of |
|     |                  | any addition to its       |
|     |                  | control list              |
+-----+------------------+---------------------------+
| 2   | Critical goods   | Monitor availability      |
+-----+------------------+---------------------------+"""


def test_a_grid_row_is_read_as_one_line_of_cells_in_order() -> None:
    lines = reflow(GRID).split("\n")
    assert lines[3].rstrip() == "| 1 | Listed items | Notify the other Party of any addition to its control list |"
    assert lines[4:6] == ["|", "|"]
    # a row on one line is left as typed, and so are borders and the header
    assert lines[:3] == GRID.split("\n")[:3] and lines[6:] == GRID.split("\n")[6:]


def test_reflowing_moves_no_line_and_no_offset_outside_the_table() -> None:
    text = "Article 2\n\nEach Party shall act.\n\n" + GRID + "\n\nArticle 3\n\nDone."
    flowed = reflow(text)
    assert len(flowed) == len(text) and flowed.count("\n") == text.count("\n")
    assert flowed.index("Article 3") == text.index("Article 3")


def test_a_markdown_table_row_goes_on_where_its_first_cell_is_empty() -> None:
    table = ("| Row | Undertaking |\n|-----|-------------|\n| 1 | Each Party notifies the other Party of |\n"
             "|   | new controls on listed items |\n| 2 | The Parties consult |")
    lines = reflow(table).split("\n")
    assert lines[2].rstrip() == "| 1 | Each Party notifies the other Party of new controls on listed items |"
    assert lines[4] == "| 2 | The Parties consult |"  # rows on one line each are separate rows


def test_text_without_tables_is_untouched() -> None:
    text = "Each Party shall consult | if asked.\nA line with one | pipe is no table."
    assert reflow(text) == text


@given(st.lists(st.sampled_from(["| a | b |", "|   | c |", "+---+---+", "| x |", "text", "", "|---|---|"]),
                max_size=12))
def test_reflow_keeps_every_line_and_the_length(lines: list[str]) -> None:
    text = "\n".join(lines)
    flowed = reflow(text)
    assert len(flowed) == len(text) and flowed.count("\n") == text.count("\n")


SCHEDULED = """AGREEMENT ON ECONOMIC SECURITY COOPERATION

Article 2
Commitments

Each Party shall carry out the actions set out in column 3 of the table in Annex I.

ANNEX I
TABLE OF COMMITMENTS

+-----+--------------------------+------------------------------+-----------------------+
| Row | Subject matter           | Action                       | Time limit            |
+-----+--------------------------+------------------------------+-----------------------+
| 1   | Raw materials in         | Apply no export duty, tax,   | From entry into force |
|     | Appendix I-B exported    | quota or licensing           |                       |
|     | to the other Party       | requirement                  |                       |
+-----+--------------------------+------------------------------+-----------------------+

Appendix I-B: Raw materials
  Lithium ores and concentrates; cobalt mattes; natural graphite; rare-earth metals.
"""


@cache
def checker() -> Checker:
    return Checker(load_many(["esa-core"]))


def test_a_schedule_bound_by_reference_binds_its_rows_and_the_appendices_they_cite() -> None:
    doc = read_text(SCHEDULED, "<schedule>")
    cited = {doc.text[r.start:r.end]: [t.label for t in r.targets] for r in Resolver(doc).references(0, len(doc.text))}
    assert cited["Appendix I-B"] == ["Annex I-B"]  # not Annex I: the letter is part of its number
    statuses = {f.provision: f.status for f in checker().check(doc).findings}
    assert statuses["ESA-SEC-3"] == "satisfied"
    # without the operative sentence, the table binds no one
    unbound = SCHEDULED.replace("Each Party shall carry out the actions set out in column 3 of the table in Annex I.",
                                "The table in Annex I lists possible actions.")
    statuses = {f.provision: f.status for f in checker().check(read_text(unbound, "<table>")).findings}
    assert statuses["ESA-SEC-3"] != "satisfied"
