"""Hostile and broken input: each case is an InputError with a clear reason, in bounded memory and time.

The reader-level tests run everywhere; the batch test runs the real CLI in a subprocess with its address
space capped at 1 GB, over a folder that mixes every hostile file with one good draft.
"""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docgen import DRAFT, para, raw_docx

from esa_rules.errors import InputError
from esa_rules.readers import akn, docx, html, limits

LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10))
    + b"]>\n"
)
SECRET = Path(__file__).resolve()  # any readable file: its content must never appear in output
EXTERNAL = (
    b'<?xml version="1.0"?>\n<!DOCTYPE doc [<!ENTITY leak SYSTEM "file://%s">]>\n' % str(SECRET).encode()
)


def zip_bomb(size: int = 40 * 1024 * 1024) -> bytes:
    """A .docx whose document.xml inflates from ~40 KB to ``size`` bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive, archive.open(
        "word/document.xml", "w", force_zip64=True
    ) as member:
        chunk = b" " * (1 << 20)
        for _ in range(size // len(chunk)):
            member.write(chunk)
    return out.getvalue()


def test_zip_bomb_docx_is_refused_by_ratio() -> None:
    with pytest.raises(InputError, match="zip bomb"):
        docx.extract(zip_bomb(), "bomb.docx")


def test_zip_member_that_lies_about_its_size_is_still_capped() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * (8 * 1024 * 1024))
    data = bytearray(out.getvalue())
    # Forge the local and central headers to claim 1,000 bytes: the read must not trust them.
    local = data.index(b"PK\x03\x04")
    central = data.index(b"PK\x01\x02")
    struct.pack_into("<I", data, local + 22, 1000)
    struct.pack_into("<I", data, central + 24, 1000)
    with pytest.raises(InputError, match=r"zip bomb|corrupt"):
        docx.extract(bytes(data), "forged.docx")


def test_billion_laughs_in_a_docx_is_refused() -> None:
    body = LAUGHS + b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' \
        b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", body)
    with pytest.raises(InputError, match=r"entit|DTD"):
        docx.extract(out.getvalue(), "laughs.docx")


@pytest.mark.parametrize("prolog", [LAUGHS, EXTERNAL], ids=["billion-laughs", "external-entity"])
def test_entities_in_akoma_ntoso_are_refused_and_nothing_leaks(prolog: bytes) -> None:
    entity = b"&lol9;" if prolog is LAUGHS else b"&leak;"
    data = prolog + b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body>' \
        b"<article><num>Article 1</num><content><p>" + entity + b"</p></content></article></body></act></akomaNtoso>"
    with pytest.raises(InputError, match=r"entit|DTD") as caught:
        akn.read(data, "hostile.xml")
    assert "hostile" in str(caught.value) or "<input>" not in str(caught.value)
    assert SECRET.read_text()[:60] not in str(caught.value)


def test_html_external_entities_are_never_resolved() -> None:
    # html.parser does not process DTDs at all; the entity reference stays inert text.
    blocks = html.extract(EXTERNAL.decode() + "<p>&leak; Article 1</p>")
    assert all(SECRET.read_text()[:60] not in b.text for b in blocks)


def test_one_enormous_line_is_refused() -> None:
    text = "word " * (4 * 1024 * 1024)  # 20 MB, no line break
    with pytest.raises(InputError, match="without a line break"):
        limits.check_text(text, "long.txt")
    limits.check_text("short line\n" * 1000, "fine.txt")  # ordinary text passes


def test_deadline() -> None:
    deadline = limits.Deadline("slow.pdf", seconds=-1)
    with pytest.raises(InputError, match="longer than"):
        deadline.check()


@pytest.mark.parametrize("data", [b"", b"\x00" * 10, os.urandom(64), b"PK\x05\x06" + b"\x00" * 18])
def test_junk_docx(data: bytes) -> None:
    with pytest.raises(InputError):
        docx.extract(data, "junk.docx")


def test_many_members_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ZIP_MEMBERS", 3)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for n in range(5):
            archive.writestr(f"word/part{n}.xml", "<x/>")
    with pytest.raises(InputError, match="parts"):
        docx.extract(out.getvalue(), "many.docx")


# --- the whole batch through the CLI, memory capped -------------------------------------------------

def _hostile_folder(folder: Path) -> dict[str, str]:
    """Write every hostile case; returns file name -> words its error message must contain."""
    (folder / "good.txt").write_text(DRAFT, encoding="utf-8")
    cases = {
        "empty.txt": (b"", "empty"),
        "junk.txt": (bytes(range(256)) * 16, ""),
        "truncated.docx": (raw_docx(para("Article 1"))[:300], "corrupt"),
        "bomb.docx": (zip_bomb(), "zip bomb"),
        "laughs.xml": (LAUGHS + b"<akomaNtoso>&lol9;</akomaNtoso>", "entit"),
        "external.xml": (EXTERNAL + b"<akomaNtoso>&leak;</akomaNtoso>", "entit"),
        "scan.pdf": (_blank_pdf(), "no text layer"),
        "locked.pdf": (_locked_pdf(), "encrypted"),
        "cut.pdf": (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "PDF"),
        "long.txt": (b"word " * (4 * 1024 * 1024), "line break"),
    }
    for name, (data, _) in cases.items():
        (folder / name).write_bytes(data)
    loop = folder / "loop"
    loop.mkdir()
    (loop / "again").symlink_to(folder, target_is_directory=True)
    return {name: words for name, (_, words) in cases.items()}


def _blank_pdf() -> bytes:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _locked_pdf() -> bytes:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(_blank_pdf())))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file_and_folder(tmp_path: Path) -> None:
    from esa_rules.readers import iter_inputs, read

    secret = tmp_path / "secret.txt"
    secret.write_text("Article 1", encoding="utf-8")
    closed = tmp_path / "closed"
    closed.mkdir()
    secret.chmod(0)
    closed.chmod(0)
    try:
        with pytest.raises(InputError, match="permission denied"):
            read(str(secret))
        errors = [item for item in iter_inputs([str(tmp_path)]) if isinstance(item, InputError)]
        assert any("cannot read folder" in str(error) for error in errors)
    finally:
        secret.chmod(0o600)
        closed.chmod(0o700)


def test_hostile_batch_through_the_cli(tmp_path: Path) -> None:
    pytest.importorskip("esa_rules.cli")
    expected = _hostile_folder(tmp_path)
    # Files named explicitly are read whatever their extension; folders only yield known extensions.
    (tmp_path / "junk.bin").write_bytes(os.urandom(4096))
    expected["junk.bin"] = ""
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
        "from esa_rules.cli import main\n"
        "sys.argv = ['esa-rules', 'check', '--jobs', '1', '-f', 'json', *sys.argv[1:]]\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path), str(tmp_path / "junk.bin")], capture_output=True, text=True,
                          timeout=240, cwd=Path(__file__).resolve().parents[1], check=False)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr, done.stderr
    assert '"good.txt"' in done.stdout or "good.txt" in done.stdout
    for name, words in expected.items():
        lines = [line for line in done.stderr.splitlines() if name in line]
        assert lines, f"{name} is not named on stderr:\n{done.stderr}"
        assert words.lower() in " ".join(lines).lower(), (name, lines)
    assert SECRET.read_text()[:60] not in done.stdout + done.stderr
