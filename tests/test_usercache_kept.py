"""Derived data kept in the user's cache folder (the repairs' word list, the compiled phrase table): what
is read back is what would be built; a corrupt, foreign, symlinked or stale entry is rebuilt; a folder
that cannot be written costs speed only; ``--no-cache`` leaves nothing behind."""

from __future__ import annotations

import marshal
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from esa_rules import usercache, wordlist
from esa_rules.cli import main
from esa_rules.engine import matcher
from esa_rules.resources import shipped_rulesets

ROOT = Path(__file__).resolve().parent.parent
DRAFT = str(ROOT / "sample_texts" / "draft_chapter.md")


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    usercache.keep_in(tmp_path)
    yield tmp_path
    usercache.stop_keeping()


def lexicon_entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("lexicon-*.marshal"))


def stored_counts() -> dict[str, int]:
    return usercache.kept("lexicon", wordlist._key(), wordlist.build_counts, wordlist._valid)


def test_stored_counts_are_the_built_ones(folder: Path) -> None:
    built = wordlist.build_counts()
    first = stored_counts()  # a miss: builds and keeps
    (entry,) = lexicon_entries(folder)
    assert os.stat(entry).st_mode & 0o077 == 0
    second = stored_counts()  # a hit: read back
    assert first == built and second == built
    assert list(second) == list(built)  # the same order too, so every search ties the same way


@pytest.mark.parametrize("damage", ["truncated", "not-a-dict", "wrong-types", "empty"])
def test_a_damaged_entry_is_rebuilt(folder: Path, damage: str) -> None:
    stored_counts()
    (entry,) = lexicon_entries(folder)
    data = {
        "truncated": entry.read_bytes()[:1000],
        "not-a-dict": marshal.dumps(["security", 5]),
        "wrong-types": marshal.dumps({"security": "many"}),
        "empty": b"",
    }[damage]
    entry.write_bytes(data)
    assert stored_counts() == wordlist.build_counts()
    assert marshal.loads(entry.read_bytes()) == wordlist.build_counts()  # and written afresh


def test_an_entry_others_could_have_written_is_not_read(folder: Path) -> None:
    stored_counts()
    (entry,) = lexicon_entries(folder)
    entry.write_bytes(marshal.dumps({"qzxplanted": 1}))
    entry.chmod(0o666)
    assert "qzxplanted" not in stored_counts()


def test_a_symlinked_entry_is_not_followed(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    stored_counts()
    (entry,) = lexicon_entries(folder)
    planted = tmp_path_factory.mktemp("elsewhere") / "planted"
    planted.write_bytes(marshal.dumps({"qzxplanted": 1}))
    planted.chmod(0o600)
    entry.unlink()
    entry.symlink_to(planted)
    assert "qzxplanted" not in stored_counts()


def test_entries_of_other_builds_are_pruned_to_a_few(folder: Path) -> None:
    for n in range(usercache.KEPT_PER_NAME + 3):
        stale = folder / f"lexicon-old{n}.marshal"
        stale.write_bytes(marshal.dumps({"old": n}))
        os.utime(stale, ns=(n * 10**9, n * 10**9))  # the oldest first
    stored_counts()
    kept = lexicon_entries(folder)
    assert len(kept) == usercache.KEPT_PER_NAME
    assert folder / "lexicon-old0.marshal" not in kept  # the oldest go
    assert folder / f"lexicon-{wordlist._key()}.marshal" in kept


def test_an_unwritable_folder_costs_speed_not_the_run(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    usercache.keep_in(locked)
    try:
        assert stored_counts() == wordlist.build_counts()
    finally:
        usercache.stop_keeping()
        locked.chmod(0o700)


def test_without_a_folder_nothing_is_kept(tmp_path: Path) -> None:
    usercache.stop_keeping()
    assert stored_counts() == wordlist.build_counts()
    assert not list(tmp_path.iterdir())


def test_the_kept_phrase_table_is_the_built_one(folder: Path) -> None:
    from esa_rules.dsl import load
    from esa_rules.engine import Checker

    checker = Checker([load(str(shipped_rulesets()["esa-core"]))])
    phrases = checker._matcher.phrases
    built = matcher._build_table(phrases)
    assert matcher.phrase_table(phrases) == built  # the miss keeps it
    (entry,) = folder.glob("phrases-*.marshal")
    assert matcher.phrase_table(phrases) == built  # the hit reads it back
    entry.write_bytes(marshal.dumps([("x", "y", ("z",))]))  # a table for other phrases
    assert matcher.phrase_table(phrases) == built
    # a matcher built from the kept table finds what one built without the cache finds
    text = "each party shall screen foreign investments and coordinate export controls"
    usercache.stop_keeping()
    assert matcher.PhraseMatcher(phrases).scan(text) == checker._matcher.scan(text)


@pytest.mark.parametrize("off", [["--no-cache"], []])
def test_the_cli_keeps_derived_data_only_with_the_cache_on(
        tmp_path: Path, off: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(usercache, "_KEEP", [])
    wordlist.lexicon.cache_clear()  # this process's word list, as a fresh run has it
    env = {"XDG_CACHE_HOME": str(tmp_path), "ESA_RULES_NO_CACHE": ""}
    try:
        result = CliRunner().invoke(main, ["check", DRAFT, "--fail-on", "never", *off], env=env)
    finally:
        wordlist.lexicon.cache_clear()  # the next test builds its own
    assert result.exit_code == 0, result.output
    kept = {p.name.split("-")[0] for p in (tmp_path / "esa-rules").glob("*.marshal")}
    assert kept == (set() if off else {"lexicon", "phrases"})
