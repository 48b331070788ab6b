from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from test_segment import check_invariants

from esa_rules.errors import InputError
from esa_rules.readers import iter_inputs, read, read_text

DRAFT = "# Economic Security Agreement\n\nArticle 1 Scope\n\n1. Each Party shall screen investments.\n"


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


@pytest.mark.parametrize(
    "data",
    [
        DRAFT.encode("utf-8"),
        codecs.BOM_UTF8 + DRAFT.encode("utf-8"),
        codecs.BOM_UTF16_LE + DRAFT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + DRAFT.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16le", "utf16be"],
)
def test_encodings(tmp_path: Path, data: bytes) -> None:
    document = read(write(tmp_path, "draft.md", data))
    assert document.text == DRAFT
    assert document.notices == ()
    assert document.title == "Economic Security Agreement"
    assert any(u.label == "Article 1, paragraph 1" for u in document.units())
    check_invariants(document.root, document.text)


def test_cp1252_is_decoded_with_a_notice(tmp_path: Path) -> None:
    document = read(write(tmp_path, "draft.txt", "Article 1 \u201cScope\u201d\n\nThe Parties\u2019 duty.\n".encode("cp1252")))
    assert "\u201cScope\u201d" in document.text
    assert document.notices == ("decoded as cp1252",)


def test_line_ends_are_normalised_without_moving_lines(tmp_path: Path) -> None:
    data = b"Title\r\n\r\nArticle 1\r\n\r\n1. Each Party shall notify.\rSecond line.\n"
    document = read(write(tmp_path, "draft.txt", data))
    assert "\r" not in document.text
    offset = document.text.index("Second line")
    assert (document.locate(offset).line, document.locate(offset).column) == (6, 1)
    assert document.locate(document.text.index("Each Party")).line == 5


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\n\t ", "empty"),
        (b"PK\x03\x04\x00\x00binary\x00junk", "not a text file"),
        (bytes(range(1, 32)) * 20, "not a text file"),
    ],
)
def test_unreadable_text_files(tmp_path: Path, data: bytes, message: str) -> None:
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(InputError) as caught:
        read(path)
    assert message in str(caught.value)
    assert caught.value.path == str(path)


def test_read_text_builds_a_document() -> None:
    document = read_text("Article 3\n\nThe Parties shall consult.\r\n", "example")
    assert document.path == "example"
    assert document.text.endswith("consult.\n")
    assert [u.label for u in document.units()][:2] == ["Document", "Article 3"]
    assert all(u.key for u in document.units())


def test_extensionless_text_is_sniffed_and_unknown_types_rejected(tmp_path: Path) -> None:
    assert read(write(tmp_path, "DRAFT", DRAFT)).format == "text"
    with pytest.raises(InputError, match="unsupported file type"):
        read(write(tmp_path, "image.png", b"\x89PNG\r\n\x1a\n\x00\x00"))


def test_missing_files_and_folders_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read(tmp_path / "absent.txt")
    with pytest.raises(InputError, match="folder"):
        read(tmp_path)


def test_bytes_given_directly_skip_the_disk() -> None:
    document = read("virtual/draft.md", data=DRAFT.encode())
    assert document.path == "virtual/draft.md"
    assert document.title == "Economic Security Agreement"


def test_iter_inputs_walks_folders_in_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "sub/c.txt", "sub/deeper/d.xml", ".hidden.txt", ".git/e.txt", "notes.png",
                 "README"):
        write(tmp_path, name, DRAFT)
    explicit = write(tmp_path, "elsewhere.png", b"x")
    found = list(iter_inputs([str(tmp_path), str(explicit), str(tmp_path / "missing.txt")]))
    relative = [os.path.relpath(p, tmp_path) if isinstance(p, str) else p for p in found]
    assert relative == ["a.md", "b.txt", os.path.join("sub", "c.txt"), os.path.join("sub", "deeper", "d.xml"),
                        "elsewhere.png", "missing.txt"]


def test_symlink_loops_are_reported_not_followed_forever(tmp_path: Path) -> None:
    write(tmp_path, "top/a.txt", DRAFT)
    os.symlink(tmp_path / "top", tmp_path / "top" / "loop")
    found = list(iter_inputs([str(tmp_path / "top")]))
    assert found[0] == str(tmp_path / "top" / "a.txt")
    assert len(found) == 2 and isinstance(found[1], InputError)
    assert "loop" in str(found[1])


def test_unreadable_folders_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "ok.txt", DRAFT)
    locked = tmp_path / "locked"
    write(locked, "x.txt", DRAFT)
    real_scandir = os.scandir

    def scandir(path: str):  # type: ignore[no-untyped-def]
        if Path(path) == locked:  # chmod does not stop root, so simulate the refusal
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = list(iter_inputs([str(tmp_path)]))
    assert found[0] == str(tmp_path / "ok.txt")
    assert isinstance(found[1], InputError) and "cannot read folder" in str(found[1])
    assert found[1].path == str(locked)


def _line_numbered(body: str, restart_every: int = 0) -> str:
    lines = body.split("\n")
    numbers = [(i % restart_every if restart_every else i) + 1 for i in range(len(lines))]
    return "\n".join(f"{n:>4}   {line}".rstrip() for n, line in zip(numbers, lines, strict=True)) + "\n"


MARGIN_BODY = "\n".join(
    ["AGREEMENT ON ECONOMIC SECURITY", ""]
    + [line for n in range(1, 8) for line in (f"Article {n}: Topic {n}", f"1. The Parties shall cooperate on topic {n}",
                                               "and on related matters.", "")])


@pytest.mark.parametrize("restart_every", [0, 12])
def test_line_numbers_in_the_margin_are_blanked_and_the_articles_show(restart_every: int) -> None:
    text = _line_numbered(MARGIN_BODY, restart_every)
    doc = read_text(text, "negotiating.txt")
    assert len(doc.text) == len(text) and doc.text.count("\n") == text.count("\n")
    assert [u.label for u in doc.units() if u.kind == "article" and u.label != "Preamble"] == \
        [f"Article {n}" for n in range(1, 8)]
    assert doc.title == "AGREEMENT ON ECONOMIC SECURITY"
    # without the margin the same draft reads the same
    plain = read_text(MARGIN_BODY, "plain.txt")
    assert [u.label for u in plain.units()] == [u.label for u in doc.units()]


def test_paragraphs_numbered_without_full_stops_keep_their_numbers() -> None:
    text = "AGREEMENT\n\n" + "".join(f"{n}   The Parties shall cooperate on topic {n}\nand related matters.\n\n"
                                     for n in range(1, 30))
    assert read_text(text, "plain.txt").text == text


def test_the_line_numbered_example_reads_its_articles_under_its_title() -> None:
    """README and docs/formats.md run `esa-rules check docs/examples/line_numbered_negotiating_text.txt`."""
    path = Path(__file__).resolve().parents[1] / "docs/examples/line_numbered_negotiating_text.txt"
    doc = read(str(path))
    assert doc.title is not None and doc.title.startswith("AGREEMENT BETWEEN ALDORIA")
    assert [u.heading for u in doc.units() if u.kind == "article" and u.label != "Preamble"] == [
        "Investment Review", "Export Controls", "Economic Coercion", "Relationship with Other Disputes",
        "Essential Security"]
