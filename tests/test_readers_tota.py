from __future__ import annotations

import csv
import os
import time
from pathlib import Path

import pytest
from test_segment import check_invariants

from esa_rules.errors import InputError
from esa_rules.readers import read, reader_for, tota


def corpus_dir() -> Path:
    default = Path(__file__).resolve().parents[2] / "shared/corpus/tota/xml"
    return Path(os.environ.get("ESA_TOTA_DIR", default))


# Written for this project in the shape of a ToTA file; no corpus text.
SMALL = """<?xml version="1.0" encoding="UTF-8"?>
<treaty>
  <meta>
    <name>Atlantis - Lemuria</name>
    <language>en</language>
  </meta>
  <body>
    <chapter name="Preamble" chapter_identifier="900">
      <article article_identifier="9000">PREAMBLE

The Parties, determined to protect their economic security,

HAVE AGREED AS FOLLOWS:</article>
    </chapter>
    <chapter number="CHAPTER TWO" name="Investment Screening" chapter_identifier="901">
      <article number="ARTICLE 2.1" name="Review Of Investments" article_identifier="9001">1. Each Party shall
maintain a mechanism to review foreign investments for risks to national security.

2. The Parties shall:

(a) exchange information; and

(b) consult on transactions reviewed by both.</article>
      <article name="Cooperation" article_identifier="9002">The review authorities shall meet annually.</article>
      <article number="ARTICLE 2.1" article_identifier="9003">A second article carrying the same number.</article>
    </chapter>
  </body>
</treaty>
"""


def small(tmp_path: Path) -> tuple[Path, object]:
    path = tmp_path / "pta_small.xml"
    path.write_text(SMALL, encoding="utf-8")
    return path, read(path)


def test_chapters_and_articles_come_from_the_xml(tmp_path: Path) -> None:
    _, document = small(tmp_path)
    assert document.format == "tota"
    assert document.title == "Atlantis - Lemuria"
    check_invariants(document.root, document.text)
    labels = {u.label: u for u in document.units()}
    by_eid = {u.eid: u for u in document.units()}
    chapter = labels["Chapter 2"]
    assert (chapter.eid, chapter.heading, chapter.key) == ("chp_2", "Investment Screening", "901")
    article = by_eid["chp_2__art_2.1"]
    assert (article.label, article.heading, article.key) == ("Article 2.1", "Review Of Investments", "9001")
    assert labels["Article 2.1, paragraph 2(b)"].eid == "chp_2__art_2.1__para_2__subpara_b"
    assert labels["Article Cooperation"].eid == "chp_2__art_id9002"
    assert [u.eid for u in chapter.children][-1] == "chp_2__art_2.1_2"
    assert labels["Preamble"].children[0].label == "Preamble, first paragraph"


def test_text_is_readable_with_heading_lines(tmp_path: Path) -> None:
    _, document = small(tmp_path)
    assert "CHAPTER TWO Investment Screening\n" in document.text
    assert "ARTICLE 2.1 Review Of Investments\n1. Each Party shall" in document.text


def test_anchors_point_back_to_xml_lines(tmp_path: Path) -> None:
    path, document = small(tmp_path)
    xml_lines = path.read_text(encoding="utf-8").split("\n")
    for needle in ("maintain a mechanism", "(b) consult", "The review authorities", "HAVE AGREED"):
        anchor = document.locate(document.text.index(needle))
        assert xml_lines[anchor.line - 1][anchor.column - 1:].startswith(needle), needle
    heading = document.locate(document.text.index("ARTICLE 2.1 Review"))
    assert 'article_identifier="9001"' in xml_lines[heading.line - 1]


BODY = "<treaty><body><chapter><article>%s</article></chapter></body></treaty>"


@pytest.mark.parametrize(
    "xml",
    [
        '<?xml version="1.0"?><!DOCTYPE treaty [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>\n' + BODY % "&b;",
        '<?xml version="1.0"?><!DOCTYPE treaty [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n' + BODY % "&x;",
    ],
    ids=["entity-expansion", "external-entity"],
)
def test_hostile_xml_is_refused(tmp_path: Path, xml: str) -> None:
    path = tmp_path / "hostile.xml"
    path.write_text(xml)
    with pytest.raises(InputError) as caught:
        read(path)
    assert "root:" not in str(caught.value)


def test_broken_xml_reports_its_position(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<treaty>\n<body>\n<chapter><article>text</chapter>\n</body></treaty>")
    with pytest.raises(InputError) as caught:
        read(path)
    assert caught.value.line == 3


def test_sniffing() -> None:
    assert tota.sniff(b'<?xml version="1.0" encoding="UTF-8"?>\n<treaty>\n', "x.xml")
    assert not tota.sniff(b'<?xml version="1.0"?><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">',
                          "x.xml")
    assert reader_for(SMALL.encode(), "no-extension") is tota


def test_treaty_without_text_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.xml"
    path.write_text("<treaty><meta><name>X</name></meta><body></body></treaty>")
    with pytest.raises(InputError, match="no article text"):
        read(path)


def english_files() -> list[Path]:
    folder = corpus_dir()
    index = folder.parent.parent / "derived" / "tota_index.csv"
    if not folder.is_dir():
        pytest.skip("ToTA corpus not present")
    if index.exists():
        with index.open(encoding="utf-8") as handle:
            return [folder / row["file"] for row in csv.DictReader(handle) if row["language"] == "en"]
    return sorted(folder.glob("pta_*.xml"))


def test_every_english_treaty_reads_and_segments() -> None:
    files = english_files()
    started = time.perf_counter()
    articles = 0
    for path in files:
        document = read(path)
        check_invariants(document.root, document.text)
        articles += sum(1 for u in document.units() if u.kind == "article")
    elapsed = time.perf_counter() - started
    assert len(files) >= 400 or os.environ.get("ESA_TOTA_DIR")
    assert articles > 30_000 or len(files) < 400
    assert elapsed < 60, f"reading {len(files)} treaties took {elapsed:.1f} s"


def test_real_treaty_structure_and_anchors() -> None:
    path = corpus_dir() / "pta_449.xml"
    if not path.exists():
        pytest.skip("ToTA corpus not present")
    document = read(path)
    labels = {u.label: u for u in document.units()}
    assert document.title == "Trans-Pacific Partnership"
    assert "Chapter 29" in labels and "Article 29.2" in labels
    article = labels["Article 29.2"]
    assert article.eid == "chp_29__art_29.2"
    xml_lines = path.read_text(encoding="utf-8").split("\n")
    heading_line = document.locate(article.start).line
    assert f'article_identifier="{article.key}"' in xml_lines[heading_line - 1]
    body = article.children[0]
    first_words = document.text[body.start:body.end].split()[:3]
    located = document.locate(body.start)
    assert xml_lines[located.line - 1][located.column - 1:].split()[:3] == first_words
