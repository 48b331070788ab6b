"""The loader: includes (files and shipped names), overrides, duplicates, cycles, several rulesets."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import esa_rules.dsl.loader as loader_module
from esa_rules.dsl import load, load_many
from esa_rules.errors import RulesetError

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "dsl"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def provision(ident: str, condition: str = '"screening"') -> str:
    return f'provision {ident} "Title" {{\n  topic investment-screening\n  require {condition}\n}}\n'


def test_includes_overrides_and_disables() -> None:
    ruleset = load(str(FIXTURES / "partner-top.esa"))
    assert (ruleset.name, ruleset.title, ruleset.version) == ("partner-top", "Partner additions", "2")
    # included provisions first, in include order; base.esa reached twice but loaded once
    assert [p.id for p in ruleset.provisions] == ["BASE-INV-1", "EXTRA-COE-1", "TOP-INS-1"]
    assert ruleset.provisions[0].severity == "info"
    assert sorted(ruleset.terms) == ["coercion", "screening", "security"]
    assert [s.name for s in ruleset.sources] == ["base", "extra", "partner-top"]
    digest = hashlib.sha256((FIXTURES / "partner-top.esa").read_bytes()).hexdigest()
    assert ruleset.sha256 == digest


def test_base_dir_and_included_positions() -> None:
    ruleset = load("partner/extra.esa", base_dir=FIXTURES)
    first = ruleset.provisions[0]
    assert first.id == "BASE-INV-1" and Path(first.pos.path).name == "base.esa" and first.pos.line == 7


def test_include_cycle_names_the_path() -> None:
    with pytest.raises(RulesetError) as info:
        load(str(FIXTURES / "cycle-a.esa"))
    error = info.value
    assert error.message.startswith("include cycle: ")
    assert [Path(p).name for p in error.message.removeprefix("include cycle: ").split(" -> ")] == [
        "cycle-a.esa",
        "cycle-b.esa",
        "cycle-a.esa",
    ]
    assert Path(error.path).name == "cycle-b.esa" and (error.line, error.column) == (2, 1)


def test_include_not_found_points_at_the_include(tmp_path: Path) -> None:
    top = write(tmp_path, "top.esa", 'ruleset top\n\ninclude "missing/rules.esa"\n')
    with pytest.raises(RulesetError) as info:
        load(str(top))
    assert "ruleset file not found: " in info.value.message and "missing/rules.esa" in info.value.message
    assert (info.value.path, info.value.line, info.value.column) == (str(top), 3, 1)
    assert "^" in str(info.value)


def test_unknown_shipped_include_suggests_a_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader_module, "shipped_rulesets", lambda: {"esa-core": FIXTURES / "base.esa"})
    top = write(tmp_path, "top.esa", "ruleset top\ninclude esa-cor\n")
    with pytest.raises(RulesetError) as info:
        load(str(top))
    assert info.value.message == "unknown shipped ruleset 'esa-cor'"
    assert info.value.hint == "did you mean 'esa-core'?"


def test_shipped_name_include_and_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader_module, "shipped_rulesets", lambda: {"esa-core": FIXTURES / "base.esa"})
    top = write(tmp_path, "top.esa", "ruleset top\ninclude esa-core\ndisable BASE-EXC-1\n")
    assert [p.id for p in load(str(top)).provisions] == ["BASE-INV-1"]
    assert load("esa-core").name == "base"


def test_unknown_ruleset_spec() -> None:
    with pytest.raises(RulesetError) as info:
        load("no/such/file.esa")
    assert info.value.message == "ruleset file not found: no/such/file.esa"


def test_included_terms_are_visible_and_checked(tmp_path: Path) -> None:
    write(tmp_path, "base.esa", 'ruleset base\nterms screening = "investment screening"\n' + provision("B-1"))
    ok = write(tmp_path, "ok.esa", 'ruleset ok\ninclude "base.esa"\nterms more = screening | "x"\n')
    assert list(load(str(ok)).terms) == ["screening", "more"]
    bad = write(tmp_path, "bad.esa", 'ruleset bad\ninclude "base.esa"\n' + provision("C-1", "screnning"))
    with pytest.raises(RulesetError) as info:
        load(str(bad))
    assert info.value.message == "unknown term or define 'screnning'"
    assert info.value.hint == "did you mean 'screening'?"
    assert (info.value.line, info.value.column) == (5, 11)


def test_redefining_an_included_term_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "base.esa", 'ruleset base\nterms screening = "investment screening"\n' + provision("B-1"))
    top = write(tmp_path, "top.esa", 'ruleset top\ninclude "base.esa"\nterms screening = "other"\n')
    with pytest.raises(RulesetError) as info:
        load(str(top))
    assert info.value.message.startswith("term 'screening' is already defined at ")
    assert info.value.message.endswith("base.esa:2:7")
    assert (info.value.line, info.value.column) == (3, 7)


def test_same_id_from_two_files_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "one.esa", "ruleset one\n" + provision("X-1"))
    write(tmp_path, "two.esa", "ruleset two\n" + provision("X-1"))
    top = write(tmp_path, "top.esa", 'ruleset top\ninclude "one.esa"\ninclude "two.esa"\n')
    with pytest.raises(RulesetError) as info:
        load(str(top))
    assert info.value.message.startswith("duplicate provision id 'X-1'; first defined at ")
    assert Path(info.value.path).name == "two.esa" and info.value.line == 2
    assert info.value.source_line == 'provision X-1 "Title" {'


def test_override_and_disable_of_unknown_ids(tmp_path: Path) -> None:
    write(tmp_path, "base.esa", "ruleset base\n" + provision("INV-1"))
    for line, message in (
        ("override INV-2 severity info", "cannot override"),
        ("disable INV-9", "cannot disable"),
    ):
        top = write(tmp_path, "top.esa", f'ruleset top\ninclude "base.esa"\n{line}\n')
        with pytest.raises(RulesetError) as info:
            load(str(top))
        assert info.value.message.startswith(message) and info.value.hint == "did you mean 'INV-1'?"
        assert (info.value.line, info.value.column) == (3, 1)


def test_overrides_in_an_included_file_carry_through(tmp_path: Path) -> None:
    write(tmp_path, "base.esa", "ruleset base\n" + provision("INV-1") + provision("INV-2"))
    write(
        tmp_path,
        "mid.esa",
        'ruleset mid\ninclude "base.esa"\noverride INV-1 severity warning\ndisable INV-2\n',
    )
    top = write(tmp_path, "top.esa", 'ruleset top\ninclude "mid.esa"\n' + provision("TOP-1"))
    assert [(p.id, p.severity) for p in load(str(top)).provisions] == [
        ("INV-1", "warning"),
        ("TOP-1", "error"),
    ]


def test_not_utf8_is_a_ruleset_error(tmp_path: Path) -> None:
    path = tmp_path / "latin.esa"
    path.write_bytes(b"ruleset x\n# caf\xe9\n")
    with pytest.raises(RulesetError, match="not UTF-8"):
        load(str(path))


def test_load_many_skips_what_an_earlier_ruleset_brought() -> None:
    base, top = load_many([str(FIXTURES / "base.esa"), str(FIXTURES / "partner-top.esa")])
    assert [p.id for p in base.provisions] == ["BASE-INV-1", "BASE-EXC-1"]
    assert [p.id for p in top.provisions] == ["EXTRA-COE-1", "TOP-INS-1"]


def test_load_many_rejects_one_id_from_two_files() -> None:
    with pytest.raises(RulesetError) as info:
        load_many([str(FIXTURES / "base.esa"), str(FIXTURES / "clash.esa")])
    assert info.value.message.startswith("duplicate provision id 'BASE-INV-1'; first defined at ")
    assert Path(info.value.path).name == "clash.esa" and (info.value.line, info.value.column) == (2, 1)


def test_loading_is_deterministic() -> None:
    first = load(str(FIXTURES / "partner-top.esa"))
    second = load(str(FIXTURES / "partner-top.esa"))
    assert first == second and list(first.terms) == list(second.terms)
