"""Reading through the draft's structure: defined terms, references, tables, back-references, `literal`."""

from __future__ import annotations

from pathlib import Path

import pytest

from esa_rules.dsl import load, load_many
from esa_rules.engine import Checker
from esa_rules.engine.references import Resolver
from esa_rules.engine.structure import links
from esa_rules.readers import read_text
from esa_rules.report import Finding

RULES = '''ruleset t
terms review "a review of investments" = "review*" | "examin*" | "screen*"
terms investment "an investment or acquisition" = "invest*" | "acquisition*" | "takeover*"
terms security "a security interest" = "national security" | "public order" | "defence"
terms exchange "an exchange of information" = "exchange*" | "shar* information"
terms minerals "a critical mineral" = "lithium" | "cobalt" | "rare earth*" | "graphite"
terms duties "an export duty or restriction" = "dut*" | "export restriction*" | "prohibition*"
provision INV-1 "Screening" {
  topic investment-screening
  require review near/15 investment and security in sentence
}
provision INV-2 "Exchange on screening" {
  topic investment-screening
  require exchange near/10 review in sentence
}
provision SEC-3 "No export duties on critical minerals" {
  topic critical-sectors
  require duties near/20 minerals in sentence
}
provision INV-4 "Exchange on screening, in a paragraph" {
  topic investment-screening
  require exchange near/10 review in paragraph
}
provision LIT-1 "Screening, written out" {
  topic investment-screening
  require literal (review near/15 investment and security) in sentence
}
'''


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> Checker:
    path: Path = tmp_path_factory.mktemp("rules") / "t.esa"
    path.write_text(RULES, encoding="utf-8")
    return Checker([load(str(path))])


def finding(checker: Checker, text: str, pid: str) -> Finding:
    return next(f for f in checker.check_text(text).findings if f.provision == pid)


DEFINED = """Article 9.1 Definitions

For the purposes of this Chapter:

(a) "Covered Transaction" means an acquisition of an enterprise by a foreign person that may affect the
national security of a Party; and

(b) "Relevant Authority" means the authority of a Party responsible for its review procedure.

Article 9.2 Review

Each Party shall examine every Covered Transaction before its completion.
"""


def test_a_defined_term_carries_its_definition(checker: Checker) -> None:
    f = finding(checker, DEFINED, "INV-1")
    assert f.status == "satisfied"
    roles = [e.role for e in f.evidence]
    assert roles == ["require", "definition"]
    operative, definition = f.evidence
    assert operative.unit == "Article 9.2, first paragraph" and operative.strength == "binding"
    assert "Covered Transaction" in operative.quote
    assert definition.unit.startswith("Article 9.1") and definition.strength == "neutral"
    assert "national" in definition.quote


def test_literal_sees_only_the_words_as_written(checker: Checker) -> None:
    assert finding(checker, DEFINED, "LIT-1").status == "missing"


def test_the_operative_sentence_decides_the_strength(checker: Checker) -> None:
    soft = DEFINED.replace("Each Party shall examine", "Each Party should examine")
    assert finding(checker, soft, "INV-1").status == "weak"


def test_a_definition_alone_satisfies_nothing(checker: Checker) -> None:
    # every word from the definition, none from the sentence: "shall publish its Covered Transaction
    # rules" is no screening obligation
    text = DEFINED.replace("Each Party shall examine every Covered Transaction before its completion.",
                           "Each Party shall publish the rules applying to a Covered Transaction.")
    text = text.replace("responsible for its review procedure", "responsible for it")
    assert finding(checker, text, "INV-1").status == "missing"


def test_a_definition_ends_with_its_sentence_not_its_paragraph(checker: Checker) -> None:
    # a footnote or a note run into the definition's paragraph is no part of what the term means
    run_on = DEFINED.replace("that may affect the\nnational security of a Party; and",
                             "of the other Party. Each Party remains free to protect its national security; and")
    assert finding(checker, run_on, "INV-1").status == "missing"
    # "Annex No. 3" does not end the sentence: the list it points to is part of the definition
    annexed = DEFINED.replace("that may affect the\nnational security of a Party",
                              "in a sector listed in Annex No. 3 to this Agreement") + (
        "\nAnnex 3\n\nSectors whose control bears on national security: ports and power grids.\n")
    assert finding(checker, annexed, "INV-1").status == "satisfied"


def test_a_sentence_that_only_points_to_an_annex_is_not_judged_for_the_annexs_words(checker: Checker) -> None:
    # "The Understandings in Annex I form an integral part": the annex is judged where it stands, and there it
    # denies the obligation; the pointer neither binds nor weakens it
    text = ("Article 10\nThe Understandings set out in Annex I form an integral part of this Agreement.\n\n"
            "ANNEX I\n\nThe Parties understand that neither Party assumes any obligation to exchange information "
            "on the review of foreign investment.\n")
    f = finding(checker, text, "INV-2")
    assert f.status == "missing" and "Annex I" in f.message


def test_a_lower_case_term_coined_for_the_instrument_carries_its_definition(checker: Checker) -> None:
    text = DEFINED.replace('"Covered Transaction"', '"covered transaction"').replace(
        "every Covered Transaction", "every covered transaction")
    assert finding(checker, text, "INV-1").status == "satisfied"


def test_a_term_defined_in_sentence_case_is_used_in_lower_case(checker: Checker) -> None:
    # '"Covered transaction" means ...' capitalises the first word only because it opens the sentence
    text = DEFINED.replace('"Covered Transaction"', '"Covered transaction"').replace(
        "every Covered Transaction", "every covered transaction")
    assert finding(checker, text, "INV-1").status == "satisfied"
    # a single capitalised word stays case-sensitive: "investment" in lower case is the ordinary word
    single = DEFINED.replace('"Covered Transaction"', '"Investment"').replace("every Covered Transaction",
                                                                            "every investment")
    assert finding(checker, single, "INV-1").status == "missing"


@pytest.mark.parametrize("term", [
    "investment",  # one word: an ordinary word, however it is defined
    "investment laws",  # a field of law, whose definition lists all it touches
    "investment procedures",
])
def test_lower_case_single_words_and_fields_of_law_are_ordinary_words(checker: Checker, term: str) -> None:
    text = DEFINED.replace('"Covered Transaction"', f'"{term}"').replace("every Covered Transaction", f"every {term}")
    assert finding(checker, text, "INV-1").status == "missing"


def test_a_parenthetical_name_carries_the_full_name() -> None:
    doc = read_text('An Investment Review Council (the "Council") is hereby established.\n\nThe Council shall meet.\n')
    found = links(doc, Resolver(doc))
    uses = [doc.text[link.site[0]:link.site[1]] for link in found if link.kind == "definition"]
    assert "Council" in uses
    later = doc.text.index("The Council shall")
    link = next(link for link in found if link.site[0] > later)
    # a body set up in that sentence: the name stands for all the sentence says of it
    assert doc.text[link.source[0]:link.source[1]] == 'An Investment Review Council (the "Council") is hereby established.'


APPENDIX = """Article 6 Listed minerals

Neither Party shall impose any duty on the exportation of the minerals listed in the Appendix.

Article 7 Final provisions

This Agreement shall enter into force on signature.

APPENDIX
Minerals referred to in Article 6

(a) lithium ores and concentrates;
(b) natural graphite.
"""


def test_a_reference_to_a_list_carries_the_list(checker: Checker) -> None:
    f = finding(checker, APPENDIX, "SEC-3")
    assert f.status == "satisfied"
    assert [e.role for e in f.evidence] == ["require", "reference"]
    assert f.evidence[1].unit.startswith("Annex")


TABLE = """Article 14.2 Treatment of listed goods

Each Party shall accord to the goods concerned the treatment indicated in Table 1.

Table 1 - Treatment of listed goods

| Good        | Export duty | Export restriction |
| lithium     | none        | none               |
| cobalt      | none        | none               |

Article 14.3 Other matters

The Parties shall cooperate.
"""


def test_a_sentence_binds_the_rows_of_the_table_it_points_to(checker: Checker) -> None:
    f = finding(checker, TABLE, "SEC-3")
    assert f.status == "satisfied"
    assert f.evidence[0].unit.startswith("Article 14.2") and f.evidence[0].strength == "binding"


def test_a_back_reference_carries_its_antecedent(checker: Checker) -> None:
    text = ("Article 3 Review\n\n1. Each Party shall examine acquisitions by foreign persons that may affect its "
            "national security.\n\n2. Information on such acquisitions shall be exchanged between the Parties.\n")
    # "such acquisitions" stands for the acquisitions examined on security grounds in paragraph 1
    assert finding(checker, text, "INV-2").status == "satisfied"


def test_its_list_stands_for_the_list_an_earlier_subparagraph_set_up() -> None:
    text = ("Article 2\n\n(a) The Parties shall keep identical lists of the goods that can serve military as well as "
            "civilian ends.\n(b) Neither Party shall add an entry to its list without thirty days' prior notice to the "
            "other.\n")
    doc = read_text(text)
    found = [(doc.text[slice(*link.site)], doc.text[slice(*link.source)]) for link in links(doc, Resolver(doc))
             if link.kind == "antecedent"]
    assert [site for site, _ in found] == ["its list"]
    assert "military as well as civilian" in found[0][1]


def test_a_back_reference_in_a_draft_numbered_by_sections_looks_back_within_its_section() -> None:
    # "such good" in 5.2 stands for the goods of 5.1: the window around them stops at Section 5's heading,
    # however many blank lines (a .txt) or none (the same draft as HTML) lie before it
    for gap in ("\n\n", "\n\n\n\n"):
        text = (f"SECTION 4. COERCION\n\n4.2 The Participants shall coordinate their responses in such consultations."
                f"{gap}SECTION 5. SUPPLY CHAINS\n\n5.1 The Participants shall jointly identify the goods critical to "
                "them.\n\n5.2 A Participant shall notify any disruption in the supply of any such good.\n")
        doc = read_text(text)
        (source,) = [doc.text[slice(*link.source)] for link in links(doc, Resolver(doc)) if link.kind == "antecedent"]
        assert source.startswith("SECTION 5.") and "goods" in source


def test_a_schedule_padded_into_columns_is_no_longer_than_its_words() -> None:
    # the same schedule set as a .txt table with padded columns, or as HTML, which collapses the padding
    rows = "".join(f"| 2530.{n:02d} | Rare-earth ores and concentrates | Nil (bound) | None |\n" for n in range(30))
    for pad in (" ", " " * 12):
        text = ("Article 2 Commitments\n\nEach Party shall apply the commitments set out in Schedule 1.\n\nSCHEDULE 1\n\n"
                + rows.replace(" | ", f"{pad}|{pad}"))
        doc = read_text(text)
        assert len(doc.text) > 3000 if pad != " " else len(doc.text) < 3000
        found = [doc.text[slice(*link.site)] for link in links(doc, Resolver(doc)) if link.kind == "reference"]
        assert found == ["Schedule 1"]


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Article 12.1 A\n\nx.\n\nArticle 12.2 B\n\ny.\n\nArticle 12.3 C\n\nz.\n\nArticle 12.4 D\n\nChapter 30 shall not "
     "apply to Articles 12.1 to 12.3.", "Articles 12.1 to 12.3", ["Article 12.1", "Article 12.2", "Article 12.3"]),
    ("Article 2 A\n\nx.\n\nArticle 5 B\n\ny.\n\nArticle 7 C\n\nSee Articles 2, 5 and 7.", "Articles 2, 5 and 7",
     ["Article 2", "Article 5", "Article 7"]),
    ("Article 4 A\n\n1. One.\n\n2. Two.\n\n3. The matters listed in paragraph 1.", "paragraph 1",
     ["Article 4, paragraph 1"]),
    ("Article 4 A\n\nx.\n\nChapters 1 through 14 of the Harmonized System.", "Chapters 1 through 14", []),
    # Arabic-style numbers in brackets: "Article (3)" cited as "Articles (3) to (5)"
    ("Article (3)\n\nx.\n\nArticle (4)\n\ny.\n\nArticle (5)\n\nz.\n\nArticle (6)\n\nSee Articles (3) to (5).",
     "Articles (3) to (5)", ["Article 3", "Article 4", "Article 5"]),
    # a text whose numbered provisions are its articles cites them as clauses
    ("ACCORD\n\n1. Terms.\nX.\n\n2. Stakes.\nY.\n\n3. Pressure.\nZ.\n\n4. Link.\nSee clauses 2 and 3.", "clauses 2 and 3",
     ["Article 2", "Article 3"]),
    # a Commonwealth article's paragraphs are its sub-articles
    ("Article 2\n\n1. One.\n\n2. Action described in sub-Article 1.", "sub-Article 1", ["Article 2, paragraph 1"]),
    # a short agreement of numbered points cites them as points
    ("AGREEMENT\n\n1. One.\n\n2. Two.\n\n3. Three.\n\n4. Nothing shall interrupt points 1 to 3.", "points 1 to 3",
     ["Paragraph 1", "Paragraph 2", "Paragraph 3"]),
])
def test_references_resolve_to_the_units_they_name(text: str, phrase: str, expected: list[str]) -> None:
    doc = read_text(text)
    at = doc.text.index(phrase)
    refs = [r for r in Resolver(doc).references(at, at + len(phrase)) if r.start == at]
    assert [t.label for r in refs for t in r.targets] == expected


def test_articles_numbered_afresh_in_each_chapter_resolve_in_their_own_chapter() -> None:
    text = ("Chapter 1 A\n\nArticle 2 X\n\nx.\n\nChapter 2 B\n\nArticle 2 Y\n\ny.\n\nArticle 3 Z\n\nSee Article 2.")
    doc = read_text(text)
    at = doc.text.index("Article 2.")
    (ref,) = [r for r in Resolver(doc).references(at, at + 9)]
    (target,) = ref.targets
    assert target.unit is not None and target.unit.heading == "Y"


def test_a_body_set_up_in_one_sentence_is_what_it_and_its_name_stand_for_later() -> None:
    text = ("1. The Participants will establish a working group on critical mineral supply chains.\n\n"
            "2. It will meet as required. The Working Group will also map vulnerabilities.\n")
    doc = read_text(text)
    found = {(link.kind, doc.text[link.site[0]:link.site[1]]): doc.text[link.source[0]:link.source[1]]
             for link in links(doc, Resolver(doc))}
    assert found == {("antecedent", "It"): "working group on critical mineral supply chains",
                     ("definition", "Working Group"): "working group on critical mineral supply chains"}


@pytest.mark.parametrize("between", ["\n\nSection 8 - Status\n", "\n\nSection 8 - Status\n\n",
                                     "\n\n## Section 8 - Status\n\n", "\n\nCHAPTER II\n\nSection 8\nStatus\n\n"])
def test_it_in_the_paragraph_after_a_heading_stands_for_the_body_however_the_heading_is_set_apart(
        between: str) -> None:
    """"It" in the paragraph after the one that sets a body up stands for the body whether the heading over
    that paragraph shares its lines (a .txt) or stands between blank lines (as every other reader lays
    headings out): a heading is no paragraph, so the reading is the same in every format."""
    text = ("Section 7 - Dialogue\nThe Participants will convene an Economic Security Dialogue of senior officials."
            + between + "This Memorandum does not create obligations. It will not give rise to any claim.\n\n"
            "Section 9 - Final\nIt will apply from signature.\n")
    doc = read_text(text)
    found = [(doc.text[link.site[0]:link.site[1]], doc.text[link.source[0]:link.source[1]], link.site[0])
             for link in links(doc, Resolver(doc)) if link.kind == "antecedent"]
    assert found == [("It", "Economic Security Dialogue", doc.text.index("It will not"))]


def test_what_a_clause_rules_out_is_judged_on_its_own_words() -> None:
    # the schedule pointed to says "not"; the sentence itself does not bar the suspension
    text = ("Article 7\n\nWhere the other Party has failed to comply with an arbitral award rendered under the Trade "
            "Agreement, a Party may suspend the undertakings set out in Schedule 1.\n\nSCHEDULE 1\n\n"
            "(a) Neither Party shall impose export duties on lithium, and shall not restrict its export.\n")
    checker = Checker(load_many(["esa-core"]))
    found = {f.provision: f.status for f in checker.check_text(text).findings}
    assert found["ESA-CMP-2"] == "violated"


def test_a_section_sign_reference_resolves_to_its_articles() -> None:
    doc = read_text("PROTOCOL\n\n\u00a7 1 Purpose\nThis Protocol supplements the Agreement.\n\n"
                    "\u00a7 2 Board\nThe Board shall oversee \u00a7\u00a7 3 and 4.\n\n\u00a7 3 Review\nEach Party shall "
                    "review.\n\n\u00a7 4 Notice\nEach Party shall notify.\n", "<protocol>")
    (reference,) = [r for r in Resolver(doc).references(0, len(doc.text)) if doc.text[r.start:r.end].startswith("\u00a7\u00a7")]
    assert [t.label for t in reference.targets] == ["Article 3", "Article 4"]


def test_such_measures_points_only_at_the_sentence_before() -> None:
    core = Checker(load_many(["esa-core"]))
    near = ("AGREEMENT\n\nArticle 6 Pressure\n1. The Parties recognise that measures of a third country designed "
            "to coerce a Party into changing its policies threaten the interests of both Parties.\n2. A Party "
            "subject to such measures may request consultations with the other Party, which shall be held "
            "within fifteen days of the request.\n")
    assert finding(core, near, "ESA-COE-2").status == "satisfied"
    # a generic noun does not reach back over a paragraph of other matters
    far = near.replace("\n2. A Party", "\n2. The Parties shall exchange statistics on trade in goods and services "
                       "every year, and shall publish them in an agreed format on their official websites, "
                       "together with a description of the methods used to compile them, the sources of the "
                       "data and any revisions made to earlier figures, so that traders, researchers and the "
                       "public can rely on them when planning and assessing their activities.\n3. A Party")
    assert finding(core, far, "ESA-COE-2").status == "missing"
    # the sentence before reaches back to its start however long it runs
    long = near.replace("measures of a third country designed to coerce", "any measure by which a third State "
                        "restricts, or threatens to restrict, the trade, the investments, the shipping or the access to "
                        "the ports of either Party, designed to coerce")
    assert finding(core, long.replace("such measures", "such a measure"), "ESA-COE-2").status == "satisfied"


MEMORANDUM = """Paragraph 1
Purpose

The Participants will cooperate on resilient supply chains.

Paragraph 2
Inbound Acquisitions

The offices that examine acquisitions by foreign buyers will exchange information.

Paragraph 3
Working Group

3.1 The Participants will set up a Working Group.

3.2 Its work will be confined to the matters covered by Paragraphs 1 and 2.

Clause 4
Final Provisions

Paragraph 1 of Article 5 of the Trade Agreement applies to this Memorandum.
"""


def test_a_memorandum_numbers_its_articles_as_paragraphs_or_clauses() -> None:
    doc = read_text(MEMORANDUM)
    top = [(u.kind, u.label, u.heading) for u in doc.root.children]
    assert top == [("article", "Paragraph 1", "Purpose"), ("article", "Paragraph 2", "Inbound Acquisitions"),
                   ("article", "Paragraph 3", "Working Group"), ("article", "Clause 4", "Final Provisions")]
    # a sentence that opens with a citation is no heading
    assert not any(u.label.startswith("Paragraph 1 of") for u in doc.units())


def test_paragraphs_cited_from_another_paragraph_are_its_articles() -> None:
    doc = read_text(MEMORANDUM)
    at = doc.text.index("Paragraphs 1 and 2")
    (ref,) = [r for r in Resolver(doc).references(at, at + 18)]
    assert [t.label for t in ref.targets] == ["Paragraph 1", "Paragraph 2"]
    # in a text whose articles are articles, "paragraph 2" stays a paragraph of its own article
    treaty = read_text("Article 1\nScope\n\n1. This Agreement applies to goods.\n\n2. It applies to services.\n\n"
                       "3. Paragraph 2 does not apply to air services.\n")
    at = treaty.text.index("Paragraph 2")
    (ref,) = [r for r in Resolver(treaty).references(at, at + 11)]
    assert [t.label for t in ref.targets] == ["Article 1, paragraph 2"]


def test_a_reference_that_names_what_follows_it_points_at_its_content() -> None:
    # "Annex A minerals" are the minerals the Annex lists, as "the minerals listed in Annex A" are
    doc = read_text("Article 1\nExports\n\nNo Party shall restrict the export of Annex A minerals.\n\n"
                    "Article 2\nOther\n\nArticle 1 applies from 2027.\n\n"
                    "ANNEX A\n\nLithium ores; cobalt ores; natural graphite.\n")
    found = links(doc, Resolver(doc))
    sites = [(doc.text[link.site[0]:link.site[1]], link.label) for link in found]
    assert ("Annex A", "Annex A") in sites
    # a citation of an article as such carries nothing
    assert not any(site == "Article 1" for site, _ in sites)


def test_words_a_reference_carries_keep_their_order_for_before() -> None:
    # "in order to compel ... to modify a lawful policy" is coercion described in paragraph 1; at the
    # reference "measures of the kind described in paragraph 1" its words keep their order
    core = Checker(load_many(["esa-core"]))
    text = ("Article 5 Pressure by Non-Parties\n\n1. The Parties recognise that a third country may apply measures "
            "restricting trade with a Party in order to compel that Party to abandon or modify a lawful policy.\n\n"
            "2. A Party affected by measures of the kind described in paragraph 1 may request consultations with the "
            "other Party. The other Party shall enter into consultations within 15 days of receipt of the request.\n")
    assert finding(core, text, "ESA-COE-2").status == "satisfied"
    # the same words the other way round in the paragraph cited are no aim to force a change of policy
    reversed_aim = text.replace("in order to compel that Party to abandon or modify a lawful policy",
                                "after a lawful policy was modified, and may compel nothing")
    assert finding(core, reversed_aim, "ESA-COE-2").status == "missing"


def test_a_paragraph_cited_in_its_article_carries_what_it_cites_in_turn() -> None:
    # "the goods referred to in paragraph 1" -> paragraph 1 -> "the minerals set out in Appendix 1" -> lithium
    core = Checker(load_many(["esa-core"]))
    text = ("Article 7 Minerals for Batteries\n\n1. This Article applies to the minerals set out in Appendix 1.\n\n"
            "2. Neither Party shall adopt or maintain any duty on, or any prohibition of, the export of the goods "
            "referred to in paragraph 1 to the territory of the other Party.\n\n"
            "Article 8 Entry into Force\n\nThis Agreement shall enter into force on signature.\n\n"
            "APPENDIX 1\n\n1. Lithium\n2. Cobalt\n3. Natural graphite\n")
    assert finding(core, text, "ESA-SEC-3").status == "satisfied"
    # a citation of other articles does not reach on into what those articles cite
    far = ("Article 6 Minerals\n\n1. This Article applies to the minerals set out in Appendix 1.\n\n"
           "Article 7 Duties\n\nThe obligations in Article 6 shall not prevent a Party from adopting any duty on "
           "exports.\n\nAPPENDIX 1\n\n1. Lithium\n2. Cobalt\n")
    doc = read_text(far)
    index = core.index(doc)
    site, appendix = far.index("Article 6 shall"), far.index("APPENDIX")
    carried = [index.to_original(hit[0]) for (_, s, _), (_, hit) in index.origins.items() if index.to_original(s) == site]
    assert carried and all(at < appendix for at in carried)  # Article 6's own words, none of the Appendix's


def test_a_defined_division_word_is_no_defined_term(checker: Checker) -> None:
    # "Table means a table set out in the Schedule": "that Table" is one table, not the whole Schedule
    text = ("Article 1 Definitions\n\nTable means a table set out in the Schedule to this Chapter;\n\n"
            "Article 2 Review\n\nEach Party shall apply the treatment indicated in that Table.\n\n"
            "SCHEDULE TO CHAPTER 1\n\nTable 1-A\nForeign acquisitions reviewed for national security\n")
    doc = read_text(text)
    assert not [link for link in links(doc, Resolver(doc)) if link.kind == "definition"]


def test_a_hereinafter_name_after_a_description_stands_for_the_description(checker: Checker) -> None:
    # the name closes a description, not a proper name: it stands for what the sentence said up to it
    text = ("Article I Review\n\n1. Each Party shall examine any transaction by which a foreign person could acquire a "
            "business in its territory, where the transaction may affect the national security of that Party "
            "(hereinafter a \"Covered Acquisition\").\n\n"
            "Article II Exchange\n\nThe Parties shall exchange information on each Covered Acquisition.\n")
    doc = read_text(text)
    (link,) = [link for link in links(doc, Resolver(doc)) if link.kind == "definition"]
    assert doc.text[link.site[0]:link.site[1]] == "Covered Acquisition"
    assert doc.text[link.source[0]:link.source[1]].startswith("Each Party shall examine any transaction")
    assert finding(checker, text, "INV-2").status == "satisfied"
    # a bare "(the "Reviews")" after a description names nothing: only "hereinafter" or "referred to as" do
    bare = text.replace('(hereinafter a "Covered Acquisition")', '(a "Covered Acquisition")')
    assert finding(checker, bare, "INV-2").status == "missing"


def test_a_body_is_established_where_its_article_says_so_not_where_its_name_is_used() -> None:
    # "Joint Council" means the body established by Article 11: its name, used beside coercion in Article 10,
    # does not set up a council on coercion there
    core = Checker(load_many(["esa-core"]))
    text = ("Article 1 Definitions\n\n\"Joint Council\" means the body established by Article 11.\n\n"
            "Article 10 Pressure\n\nThe Parties recognise that measures by non-parties intended to coerce a Party in "
            "its policy choices can disrupt supply. A Party facing such measures may bring them to the attention of "
            "the Joint Council.\n\n"
            "Article 11 Joint Council\n\nA Joint Council composed of the ministers responsible for trade is hereby "
            "established. It shall supervise the implementation of this Agreement.\n")
    assert finding(core, text, "ESA-INS-1").status == "missing"


def test_parts_cited_in_words_resolve_to_their_parts() -> None:
    doc = read_text("FRAMEWORK\n\nPART ONE - NATURE\n\n1.1 This Framework is political.\n\nPART TWO - GOODS\n\n2.1 The "
                    "Participants will list goods.\n\nPART THREE - MINERALS\n\n3.1 The Participants will cooperate.\n\n"
                    "PART FOUR - FINAL\n\n4.1 Disagreements should not hinder cooperation under Parts Two to Three.\n",
                    "<framework>")
    (reference,) = [r for r in Resolver(doc).references(0, len(doc.text)) if doc.text[r.start:r.end].startswith("Parts")]
    assert [t.label for t in reference.targets] == ["Part 2", "Part 3"]


UNQUOTED = """Article 14.1: Definitions

For purposes of this Chapter:

covered transaction means an acquisition by a foreign person of control of an enterprise of a Party, where the
acquisition could impair the defense or public order of that Party;

nationals of another Party means persons who would meet the criteria for protection of their national security;

Article 14.2: Review

1. Each Party shall maintain a procedure to review covered transactions.

2. A Party is not required to disclose the terms of a covered transaction, but shall consult on it on request.

3. Each Party shall accord to nationals of another Party national treatment.
"""


def test_an_unquoted_lower_case_term_for_a_listed_thing_carries_its_definition() -> None:
    core = Checker(load_many(["esa-core"]))
    assert finding(core, UNQUOTED, "ESA-INV-1").status == "satisfied"
    # the security test carried in is no security exception: the disclosure carve-out names no security
    assert finding(core, UNQUOTED, "ESA-ESX-3").status == "missing"
    doc = read_text(UNQUOTED)
    terms = {doc.text[link.site[0]:link.site[1]] for link in links(doc, Resolver(doc)) if link.kind == "definition"}
    assert "covered transactions" in terms or "covered transaction" in terms
    # a free trade agreement's defined people or practices stay ordinary words
    assert not any(t.startswith("nationals") for t in terms)


def test_a_coined_term_for_a_measure_carries_its_definition() -> None:
    # "pressure measure" is coined for the instrument, unlike a field of law; its definition is coercion
    core = Checker(load_many(["esa-core"]))
    text = ("Article 1 Definitions\n\n(b) \"pressure measure\" means a measure by a non-Party that restricts trade in "
            "order to induce a Party to adopt or abandon a policy within its sovereign competence;\n\n"
            "Article 4 Pressure Measures\n\nA Party that considers itself the target of a pressure measure may request "
            "consultations, which shall be held within 10 days of the request.\n")
    assert finding(core, text, "ESA-COE-2").status == "satisfied"


def test_a_defined_term_in_y_carries_its_definition_to_its_plural_in_ies(checker: Checker) -> None:
    singular = DEFINED.replace('"Covered Transaction"', '"Covered Takeover Activity"')
    plural = singular.replace("examine every Covered Transaction", "examine all Covered Takeover Activities")
    assert finding(checker, plural, "INV-1").status == "satisfied"
    # an "-ies" word that is no plural of the term does not count
    other = singular.replace("examine every Covered Transaction", "examine all Covered Takeover Activitiesque")
    assert finding(checker, other, "INV-1").status == "missing"


def test_a_definition_or_a_statement_of_objectives_alone_is_no_provision(checker: Checker) -> None:
    definition = ('Article 1 Definitions\n\n"Review" means the examination of an investment by a foreign person '
                  "for its effects on national security.\n")
    objectives = ("Article 2 Objectives\n\nThe objectives of this Chapter are to review every investment that may "
                  "affect national security.\n")
    assert finding(checker, definition, "INV-1").status == "missing"
    assert finding(checker, objectives, "INV-1").status == "missing"
    # the sentence that commits someone still decides, softly or bindingly
    soft = definition + "\nArticle 3\n\nEach Party should review an investment that may affect national security.\n"
    assert finding(checker, soft, "INV-1").status == "weak"
    assert finding(checker, soft.replace("should", "shall"), "INV-1").status == "satisfied"


def test_definitions_set_one_per_line_each_carry_their_definition(checker: Checker) -> None:
    text = ("Article 1 Definitions\nFor the purposes of this Chapter:\ncontact official means the official "
            "designated by a Party;\ncovered transaction means an acquisition of an enterprise by a foreign person "
            "that may affect the national security of a Party;\n\nArticle 2 Reviews\n\n"
            "Each Party shall examine every covered transaction before its completion.\n")
    assert finding(checker, text, "INV-1").status == "satisfied"


def test_a_lower_case_name_in_parentheses_carries_what_the_sentence_said_before_it(checker: Checker) -> None:
    text = ("Article 1 Scope\n\nThis Chapter applies to acquisitions by foreign persons that may affect the national "
            "security of a Party (\"covered deals\").\n\nArticle 2 Reviews\n\n"
            "Each Party shall examine all covered deals before completion.\n")
    assert finding(checker, text, "INV-1").status == "satisfied"
    # a capitalised name quoted with its article is not read as a lower-case term
    doc = read_text(text.replace('("covered deals")', '(hereinafter "the Parties")'))
    assert not [link for link in links(doc, Resolver(doc)) if link.kind == "definition"]


def test_a_defined_term_broken_over_two_lines_is_still_the_term(checker: Checker) -> None:
    text = DEFINED.replace("Each Party shall examine every Covered Transaction before its completion.",
                           "Each Party shall examine every Covered\n    Transaction before its completion.")
    assert finding(checker, text, "INV-1").status == "satisfied"
    doc = read_text(text)
    sites = [doc.text[link.site[0]:link.site[1]] for link in links(doc, Resolver(doc)) if link.kind == "definition"]
    assert "Covered\n    Transaction" in sites


@pytest.mark.parametrize("text", ["a  b\n   c\td e", "plain", "", "\n\nlead and trail  \n"])
def test_flattened_text_maps_back_to_the_same_characters(text: str) -> None:
    from esa_rules.engine.term_uses import flatten
    flat, original = flatten(text)
    assert " ".join(text.split()) == " ".join(flat.split()) and "  " not in flat
    for i, char in enumerate(flat):
        assert text[original(i)] == char or (char == " " and text[original(i)].isspace())


def test_such_conduct_sums_up_what_the_paragraph_before_described() -> None:
    core = Checker(load_many(["esa-core"]))
    text = ("Article 4 Trade Pressure\n\n1. The Parties recognise that a non-Party may seek to compel a Party to adopt, "
            "modify or abandon a measure or position by restricting trade with that Party.\n\n2. A Party that "
            "considers itself the target of such conduct may notify the other Party, which shall enter into "
            "consultations within ten days of the notification.\n")
    assert finding(core, text, "ESA-COE-2").status == "satisfied"
    # without the paragraph that describes it, "such conduct" stands for nothing
    alone = "Article 4 Trade Pressure\n\n" + text.split("\n\n", 2)[2]
    assert finding(core, alone, "ESA-COE-2").status == "missing"


def test_the_affected_party_is_the_one_the_paragraph_before_says_is_affected() -> None:
    core = Checker(load_many(["esa-core"]))
    text = ("ARTICLE 3.- 1. The States Parties recognise that the application by a third State of commercial measures "
            "tending to force a State Party to abandon a determined conduct in matters of its exclusive jurisdiction "
            "affects both States Parties.\n2. At the request of the affected State Party, the other State Party shall "
            "enter into consultations within a term of fifteen days counted from the receipt of the request.\n")
    assert finding(core, text, "ESA-COE-2").status == "satisfied"
    # alone, "the affected State Party" could be affected by anything: a safeguard, a dispute
    alone = "ARTICLE 3.- " + text.split("\n", 1)[1].replace("2. ", "1. ", 1)
    assert finding(core, alone, "ESA-COE-2").status == "missing"


def test_a_list_named_again_stands_for_what_was_said_of_it_where_it_was_introduced() -> None:
    core = Checker(load_many(["esa-core"]))
    text = ("Article 1: Sensitive Items\n1. Both Sides agree to apply a licensing system to the outward shipment "
            "of the equipment and software listed in Attachment I, which serve ordinary industry but can also serve "
            "the development of weapons.\n2. Both Sides agree to inform each other at least twenty days before "
            "adding items to Attachment I.\n\nAttachment I: Listed Items (machine tools, carbon fibre)\n")
    assert finding(core, text, "ESA-EXP-2").status == "satisfied"
    evidence = finding(core, text, "ESA-EXP-2").evidence
    assert evidence[0].role == "require" and "Attachment I" in evidence[0].quote
    # the words that described the list, where it was introduced, are shown as what the name relied on
    assert any(e.role == "reference" and "weapons" in e.quote for e in evidence)
    # described as ordinary goods, the same list is no export control
    plain = text.replace("which serve ordinary industry but can also serve the development of weapons",
                         "which serve ordinary industry")
    assert finding(core, plain, "ESA-EXP-2").status == "missing"


def test_a_list_introduced_by_a_definition_is_carried_by_the_defined_term_not_by_the_annexs_name() -> None:
    from esa_rules.engine.lists import described_lists
    doc = read_text('Article 1\n"critical minerals" means the minerals listed in Annex 9-A.\n\n'
                    "Article 2\n[Note: Annex 9-A to be circulated.]\n")
    assert list(described_lists(doc)) == []
    doc = read_text("Article 1\nEach Party shall license the minerals listed in Annex 9-A.\n\n"
                    "Article 2\nAnnex 9-A shall be reviewed every year.\n\nANNEX 9-A\nLithium; cobalt.\n")
    found = list(described_lists(doc))
    assert [doc.text[k.site[0]:k.site[1]] for k in found] == ["Annex 9-A"]  # not the annex's own heading
    assert "license the minerals" in doc.text[found[0].source[0]:found[0].source[1]]


RECITALS = ("AGREEMENT BETWEEN ISTRAVA AND MORLAND ON CRITICAL RAW MATERIALS\n\nISTRAVA AND MORLAND,\n\n{opening}"
            "(1) Both Parties depend on imports of raw materials.\n\n(2) Each Party remains able to take the "
            "measures it considers necessary to protect its essential security interests.\n\n{closing}"
            "Article 1\nThe Parties shall cooperate on raw materials.\n")


@pytest.mark.parametrize(("opening", "closing"), [("Whereas:\n\n", ""), ("", "HAVE AGREED AS FOLLOWS:\n\n")])
def test_numbered_recitals_before_the_enacting_formula_commit_no_one(opening: str, closing: str) -> None:
    core = Checker(load_many(["esa-core"]))
    found = finding(core, RECITALS.format(opening=opening, closing=closing), "ESA-ESX-1")
    assert found.status == "missing" and "recital" in found.message


def test_a_statements_numbered_paragraphs_are_not_recitals_of_the_protocol_annexed_to_it() -> None:
    core = Checker(load_many(["esa-core"]))
    text = ("JOINT STATEMENT\n\n1. We will coordinate our responses if either of us is subjected to economic "
            "coercion by a third country.\n\n2. This Joint Statement records political commitments only.\n\n"
            "ANNEX\n\nPROTOCOL ON SUPPLY CHAINS\n\nThe Parties have agreed as follows:\n\nArticle 1\n"
            "The Parties shall identify critical goods.\n")
    assert finding(core, text, "ESA-COE-3").status == "weak"


def test_such_pressure_sums_up_the_paragraph_before_even_when_a_heading_names_it() -> None:
    core = Checker(load_many(["esa-core"]))
    text = ("Section 4 - Pressure from Outside\n\n4.1 The Parties recognise that a State outside this Framework may "
            "restrict trade or investment in order to force a Party to change a policy that lies within its own "
            "sovereign choice.\n\n4.2 A Party facing such pressure may ask for a meeting with the other, which shall "
            "be held within ten days of the request.\n")
    assert finding(core, text, "ESA-COE-2").status == "satisfied"


def test_such_policies_sum_up_the_practices_described_before() -> None:
    core = Checker(load_many(["esa-core"]))
    text = ("Article 3 Cooperation\n\n1. The Parties recognise that state-directed pricing and "
            "subsidies granted without regard to commercial considerations in third countries may harm their "
            "economies.\n\n2. The Parties shall consult each other on addressing such policies.\n")
    assert finding(core, text, "ESA-NME-1").status == "satisfied"
    alone = "Article 3 Cooperation\n\n" + text.split("\n\n", 2)[2]
    assert finding(core, alone, "ESA-NME-1").status == "missing"


NESTED = """Article 1 Definitions

For the purposes of this Chapter:

"Permit Requirement" means a requirement under the law of a Party that a Listed Item be accompanied by a
permit;

"Listed Item" means goods or technology appearing on the Common List, being items that can be used for both
civil and military purposes;

"Covered Transaction" means any acquisition of an enterprise and any Greenfield Investment;

"Greenfield Investment" means the establishment of a new enterprise by a foreign investor.

Article 2 Notification

A Party shall notify the other Party of any new Permit Requirement at least 30 days before its adoption.
Each Party shall keep a register of any Covered Transaction.
"""


def test_a_definition_carries_the_definitions_of_the_terms_it_uses() -> None:
    core = Checker(load_many(["esa-core"]))
    # "Permit Requirement" carries "Listed Item", whose definition makes the items dual-use
    assert finding(core, NESTED, "ESA-EXP-2").status == "satisfied"
    flat = NESTED.replace(", being items that can be used for both\ncivil and military purposes", "")
    assert finding(core, flat, "ESA-EXP-2").status == "missing"


def test_the_kinds_a_listed_thing_enumerates_are_not_expanded() -> None:
    doc = read_text(NESTED, "<nested>")
    carried = {(doc.text[link.site[0]:link.site[1]], doc.text[link.source[0]:link.source[1]].strip()[:19].strip())
               for link in links(doc, Resolver(doc)) if link.kind == "definition"}
    assert ("Permit Requirement", "goods or technology") in carried
    assert ("Covered Transaction", "any acquisition of") in carried
    # "Covered Transaction" lists a Greenfield Investment among its kinds: its uses carry their own
    # definition, not the definition of each kind
    assert not any(site == "Covered Transaction" and source.startswith("the establishment") for site, source in carried)


def test_definitions_listed_under_for_the_purposes_of_this_agreement_reach_every_chapter() -> None:
    core = Checker(load_many(["esa-core"]))
    text = ("Chapter 1 General Provisions\n\nArticle 1 Definitions\n\nFor the purposes of this Agreement:\n"
            "(a) the term \"listed materials\" means the ores and refined products set out in Annex 2;\n\n"
            "Chapter 2 Trade\n\nArticle 7 Listed Materials\n\nNo Party shall introduce any duty, tax or other charge, or "
            "any prohibition or restriction, on the exportation of listed materials to the other Party.\n\n"
            "Annex 2\nListed Materials\n\n1. Lithium ores and lithium carbonate\n2. Cobalt ores\n3. Natural graphite\n")
    assert finding(core, text, "ESA-SEC-3").status == "satisfied"
    # scoped to its own chapter, the term means nothing in Chapter 2
    chapter = text.replace("For the purposes of this Agreement:", "For the purposes of this Chapter:")
    assert finding(core, chapter, "ESA-SEC-3").status == "missing"
    # "In this Agreement, the terms below are construed as follows" names the instrument, as civil-law drafting does
    construed = text.replace("For the purposes of this Agreement:", "In this Agreement, the terms below are construed "
                             "as follows:")
    assert finding(core, construed, "ESA-SEC-3").status == "satisfied"
    # with no words on their reach, definitions in a chapter of general provisions serve the whole instrument,
    # and those of any other chapter only that chapter
    silent = text.replace("For the purposes of this Agreement:\n", "")
    assert finding(core, silent, "ESA-SEC-3").status == "satisfied"
    assert finding(core, silent.replace("General Provisions", "Market Access"), "ESA-SEC-3").status == "missing"


def test_an_annex_with_articles_of_its_own_is_not_carried_into_the_sentence_that_points_to_it() -> None:
    # the Arrangement's "shall not affect" and its dispute article are in different articles: pointing to
    # the whole annex must not join them into a compartmentalization clause in the statement's paragraph
    text = (
        "JOINT STATEMENT ON ECONOMIC SECURITY\n\n"
        "1. The two Governments have today also signed the Arrangement set out in the Annex.\n\n"
        "ANNEX\n\nARRANGEMENT ON INVESTMENT REVIEW\n\n"
        "Article 1\n\n1. The Joint Statement shall not affect the binding character of this Arrangement.\n\n"
        "Article 2\n\n1. Each Party shall maintain a mechanism to review investments by foreign investors that "
        "may affect its national security.\n\n"
        "Article 3\n\n1. Any dispute under this Arrangement shall be submitted to arbitration.\n"
    )
    result = Checker(load_many(["esa-core"])).check_text(text)
    assert {f.provision: f.status for f in result.findings}["ESA-CMP-1"] == "missing"


def test_a_schedule_whose_list_follows_on_its_heading_line_is_an_annex_a_sentence_can_point_to() -> None:
    text = (
        "Article 1\n\nEach Party shall make its best efforts not to tax or restrict exports to the other Party "
        "of the ores and refined metals listed in the Schedule.\n\n"
        "Schedule: lithium, cobalt, nickel, graphite and rare earth elements.\n"
    )
    doc = read_text(text, "schedule.txt")
    assert [u.label for u in doc.units() if u.kind == "annex" and u.label != "Preamble"] == ["Annex"]
    result = Checker(load_many(["esa-core"])).check_text(text)
    assert {f.provision: f.status for f in result.findings}["ESA-SEC-3"] == "weak"


def test_a_chapeau_reads_on_into_each_of_its_items(checker: Checker) -> None:
    # "Each Party shall: ... (c) exchange ..." says "Each Party shall exchange ...": the items before (c) do
    # not stand between the chapeau's words and the item's
    items = "".join(f"({c}) publish its annual statistics on trade in goods and services with all partners;\n\n"
                    for c in "ab")
    text = (f"Article 3\n\n1. The authorities that review investments shall:\n\n{items}"
            "(c) exchange their annual reports.\n")
    assert finding(checker, text, "INV-4").status == "satisfied"
    # two items of one list stay as far apart as they are written
    apart = (f"Article 3\n\n1. Each Party shall:\n\n(a) review its statistics;\n\n{items.replace('(b)', '(c)').replace('(a)', '(b)')}"
             "(d) exchange their annual reports.\n")
    assert finding(checker, apart, "INV-4").status == "missing"


def test_a_quoted_term_and_a_colon_in_a_definitions_list_define_it() -> None:
    text = ("Article 1\nFor the purposes of this Agreement:\na. \"Listed Minerals\": the metals and minerals, in the "
            "form of ores and concentrates, set out in Annex (1), being those required for the manufacture of "
            "batteries, permanent magnets and semiconductor wafers.\n\nArticle 2\nNo Member State shall impose "
            "customs duties on the exportation of Listed Minerals to another Member State.\n")
    core = Checker(load_many(["esa-core"]))
    assert finding(core, text, "ESA-SEC-3").status == "satisfied"
    # the same list item without the quotes defines nothing: "Listed Minerals" stays a name
    plain = text.replace('"Listed Minerals":', "Listed Minerals are")
    assert finding(core, plain, "ESA-SEC-3").status == "missing"


def test_the_third_state_concerned_stands_for_the_conduct_an_earlier_article_of_its_chapter_describes() -> None:
    core = Checker(load_many(["esa-core"]))
    text = ("CHAPTER II\nMEASURES OF THIRD STATES\n\nARTICLE 6\nThe Parties recognise that a third State may restrict "
            "trade with a Party with the aim of obtaining a change in that Party's legislation.\n\nARTICLE 7\nThe "
            "Parties shall exchange statistics on trade.\n\nARTICLE 8\nThe Parties shall adopt a joint response in "
            "respect of the third State concerned.\n")
    found = finding(core, text, "ESA-COE-3")
    assert found.status == "satisfied"
    # the evidence shows the description the operative sentence relied on
    assert any(e.role == "antecedent" and "legislation" in e.quote for e in found.evidence)
    # in another chapter, the same words point at nothing
    apart = text.replace("ARTICLE 8\n", "CHAPTER III\nOTHER MATTERS\n\nARTICLE 8\n")
    assert finding(core, apart, "ESA-COE-3").status == "missing"


def test_a_sentence_acting_on_provisions_it_names_does_not_carry_what_they_say() -> None:
    core = Checker(load_many(["esa-core"]))
    text = ("AGREEMENT\n\n\u00a7 3 Pressure\nWhere a third State restricts trade with a Party in order to make that "
            "Party amend its legislation, the Parties shall, as far as possible, consult each other within ten days "
            "and seek a common response.\n\n\u00a7 4 Relationship\nNeither Party shall, in response to a "
            "disagreement on customs duties, withhold the performance of its obligations under \u00a7 3.\n")
    assert finding(core, text, "ESA-COE-2").status == "weak"
    # a sentence that takes the obligations on, rather than acting upon them, still carries them
    taken = text.replace("Neither Party shall, in response to a disagreement on customs duties, withhold the "
                         "performance of its obligations under \u00a7 3.", "Each Party shall perform the "
                         "obligations under \u00a7 3 without delay.")
    assert finding(core, taken, "ESA-COE-2").status == "satisfied"


def test_the_request_carries_what_the_sentence_that_made_it_says_its_defined_terms_included() -> None:
    core = Checker(load_many(["esa-core"]))
    text = ("Article 2. Interpretation of terms\nIn this Agreement:\n1. \"Pressure from a third country\" means "
            "measures affecting trade which a third country applies for the purpose of forcing a Party to take a "
            "decision falling within its sovereign rights.\n\nArticle 3. Consultations\n1. A Party subject to "
            "pressure from a third country may send a written request for consultations to the other Party.\n"
            "2. Within 10 days from the date of receipt of the request, the Parties must hold consultations.\n")
    found = finding(core, text, "ESA-COE-2")
    assert found.status == "satisfied"
    assert found.evidence[0].unit == "Article 3, paragraph 2"
    # a request the earlier paragraph never made leads nowhere
    other = text.replace("receipt of the request", "receipt of a letter")
    assert finding(core, other, "ESA-COE-2").status == "missing"


def test_a_closing_glossary_of_terms_in_capitals_defines_them_where_they_were_used_before() -> None:
    core = Checker(load_many(["esa-core"]))
    text = ("Article 3\nReview\n\n1. Each PARTY shall subject every COVERED ACQUISITION to REVIEW.\n\n"
            "ANNEX C\nGLOSSARY\n\nCOVERED ACQUISITION: any transaction by which a foreign person acquires control of "
            "an enterprise established in the territory of a PARTY.\n\nREVIEW: an examination of whether a "
            "transaction may threaten the national security of the PARTY concerned.\n\nPARTY, PARTIES: the "
            "signatories of this Agreement.\n")
    assert finding(core, text, "ESA-INV-1").status == "satisfied"
    # the same entries outside a glossary or definitions are no definitions
    assert finding(core, text.replace("GLOSSARY", "TARIFF SCHEDULE"), "ESA-INV-1").status == "missing"


def test_the_meeting_is_the_one_the_sentence_before_allowed_a_party_to_ask_for() -> None:
    core = Checker(load_many(["esa-core"]))
    text = ("Article 4\n\n1. Where a third State seeks, by restricting or threatening to restrict its trade with or "
            "investment in a Party, to force that Party to alter a lawful policy, the Party so targeted may ask the "
            "other Party to meet.\n2. The meeting is to be held within seven days of the request.\n")
    found = finding(core, text, "ESA-COE-2")
    assert (found.status, found.evidence[0].unit) == ("satisfied", "Article 4, paragraph 2")
    # a meeting the paragraph before never spoke of is no antecedent
    other = text.replace("may ask the other Party to meet", "may inform the other Party")
    assert finding(core, other, "ESA-COE-2").status == "missing"


def test_a_term_set_off_by_a_dash_in_a_terms_article_is_defined() -> None:
    core = Checker(load_many(["esa-core"]))
    text = ("Article 1\nTerms used\n\nFor the purposes of this Agreement the following terms are used:\n"
            "\"goods of special significance\" \u2014 goods and technologies which may be used for peaceful purposes as "
            "well as for the creation of weapons and military equipment.\n\nArticle 4\n\n1. The Parties shall approve a "
            "common Nomenclature of goods of special significance.\n")
    assert finding(core, text, "ESA-EXP-1").status == "satisfied"
    assert finding(core, text.replace("\" \u2014 goods", "\" goods"), "ESA-EXP-1").status == "missing"
    # a plain-text dash sets the term off as well
    assert finding(core, text.replace("\" \u2014 goods", "\" - goods"), "ESA-EXP-1").status == "satisfied"


def test_a_lower_case_term_for_a_measure_carries_its_definition() -> None:
    core = Checker(load_many(["esa-core"]))
    text = ("Article 17.1: Definitions\n\nFor the purposes of this Chapter:\n\npressure measure means a measure by a "
            "non-Party that applies restrictions on trade for the purpose of obtaining from a Party an act or abstention "
            "in a matter which falls within the sovereign choice of that Party;\n\nArticle 17.6\n\n1. Where a Party "
            "considers that it is the target of a pressure measure, the other Party shall enter into consultations "
            "within 10 days of receiving a written request.\n")
    assert finding(core, text, "ESA-COE-2").status == "satisfied"


def test_a_name_given_to_the_list_an_annex_sets_out_carries_the_list_even_in_the_singular(checker: Checker) -> None:
    text = ("Article 1\n\nThe Parties attach importance to the minerals set out in Annex A (the \"Covered Minerals\").\n\n"
            "Article 2\n\nNo Party shall impose any duty on the exportation of a Covered Mineral to the other Party.\n\n"
            "ANNEX A\n\nLithium; cobalt; natural graphite.\n")
    f = finding(checker, text, "SEC-3")
    assert f.status == "satisfied" and f.evidence[0].unit.startswith("Article 2")
    # a name given to something the sentence does not point to carries nothing
    assert finding(checker, text.replace("set out in Annex A", "of the region"), "SEC-3").status == "missing"
