"""The ruleset cache: a cached ruleset is the loaded one, node for node; stale, corrupt, foreign or unsafe
entries are rebuilt; ``--no-cache`` and ``ESA_RULES_NO_CACHE`` turn it off; ``check -v`` says what happened."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner

from esa_rules.cli import main
from esa_rules.dsl import load
from esa_rules.dsl.ast import Named, Ruleset
from esa_rules.dsl.astjson import DecodeError, decode, encode
from esa_rules.dsl.cache import RulesetCache
from esa_rules.errors import RulesetError
from esa_rules.resources import shipped_rulesets

ROOT = Path(__file__).resolve().parent.parent
DRAFT = str(ROOT / "sample_texts" / "draft_chapter.md")


def same(a: Any, b: Any, where: str = "ruleset") -> None:
    """Deep equality over every attrs field, including those left out of ``==`` (positions, sources,
    warnings, the terms and defines maps), so a round trip that drops one of them fails here."""
    assert type(a) is type(b), where
    if attrs.has(type(a)):
        for field in attrs.fields(type(a)):
            same(getattr(a, field.name), getattr(b, field.name), f"{where}.{field.name}")
    elif isinstance(a, tuple):
        assert len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            same(x, y, f"{where}[{i}]")
    elif isinstance(a, dict):
        assert list(a) == list(b), where
        for key in a:
            same(a[key], b[key], f"{where}[{key!r}]")
    else:
        assert a == b, where


def named_nodes(ruleset: Ruleset) -> list[Named]:
    found: list[Named] = []

    def walk(node: Any) -> None:
        if isinstance(node, Named):
            found.append(node)
        if attrs.has(type(node)):
            for field in attrs.fields(type(node)):
                walk(getattr(node, field.name))
        elif isinstance(node, tuple):
            for item in node:
                walk(item)

    walk(ruleset.provisions)
    return found


def sharing(ruleset: Ruleset) -> list[tuple[int, int]]:
    """Which uses of defines are one object: pairs of indexes into ``named_nodes``."""
    nodes = named_nodes(ruleset)
    return [(i, j) for i, a in enumerate(nodes) for j, b in enumerate(nodes) if i < j and a is b]


@pytest.mark.parametrize("name", sorted(shipped_rulesets()))
def test_every_shipped_ruleset_survives_the_cache(name: str, tmp_path: Path) -> None:
    loaded = load(name)
    cache = RulesetCache(tmp_path)
    assert load(name, cache=cache) is not None and cache.events[-1].outcome == "built"
    cached = load(name, cache=cache)
    assert cache.events[-1].outcome == "hit"
    assert cached == loaded
    same(cached, loaded)
    assert cached.warnings == loaded.warnings
    assert sharing(cached) == sharing(loaded)


def test_decoding_builds_only_ast_nodes() -> None:
    for planted in ('{"$c": "Popen", "args": ["touch", "/tmp/owned"]}', '{"$c": "Phrase", "text": "x", "evil": 1}',
                    '{"$r": 3}', '{"$m": [[1, 2]]}', '{"$x": 1}', "[1, 2", "\xff"):
        with pytest.raises(DecodeError):
            decode(planted)


def test_encoding_refuses_what_it_cannot_restore() -> None:
    with pytest.raises(TypeError):
        encode(object())
    with pytest.raises(TypeError):
        encode({1: "x"})


def _rules(folder: Path, extra: str = "") -> Path:
    (folder / "base.esa").write_text(
        'ruleset base\n\nterms screening "a review of investments" = "investment screening"\n\n'
        'define screens = screening\n\n'
        'provision B-1 "Screening" {\n  topic investment-screening\n  require screens\n}\n\n'
        'provision B-2 "Screening again" {\n  topic investment-screening\n  require screens\n}\n' + extra,
        encoding="utf-8")
    top = folder / "top.esa"
    top.write_text('ruleset top\n\ninclude "base.esa"\n\noverride B-1 severity warning\n', encoding="utf-8")
    return top


def test_a_changed_include_rebuilds_the_entry(tmp_path: Path) -> None:
    top = _rules(tmp_path)
    cache = RulesetCache(tmp_path / "cache")
    first = load(str(top), cache=cache)
    assert [p.severity for p in first.provisions] == ["warning", "error"]
    _rules(tmp_path, 'terms unused = "never used"\n')
    again = load(str(top), cache=cache)
    assert cache.events[-1].outcome == "rebuilt" and "base.esa changed" in cache.events[-1].detail
    assert [w.message for w in again.warnings] == ["term unused is never used"]
    assert load(str(top), cache=cache).warnings == again.warnings and cache.events[-1].outcome == "hit"


def test_define_uses_stay_one_object(tmp_path: Path) -> None:
    top = _rules(tmp_path)
    loaded = load(str(top))
    assert len(named_nodes(loaded)) == 2 and sharing(loaded) == [(0, 1)]
    cache = RulesetCache(tmp_path / "cache")
    load(str(top), cache=cache)
    cached = load(str(top), cache=cache)
    assert cache.events[-1].outcome == "hit"
    assert sharing(cached) == [(0, 1)] and named_nodes(cached)[0].description is None
    same(cached, loaded)


def _entry(cache: RulesetCache, top: Path) -> Path:
    return cache.entry_path(top, str(top))


@pytest.mark.parametrize("damage", ["truncated", "garbage", "other-version", "foreign-class", "no-header"])
def test_corrupt_or_foreign_entries_are_rebuilt(tmp_path: Path, damage: str) -> None:
    top = _rules(tmp_path)
    cache = RulesetCache(tmp_path / "cache")
    loaded = load(str(top), cache=cache)
    entry = _entry(cache, top)
    data = entry.read_bytes()
    header, body = data.split(b"\n", 1)
    if damage == "truncated":
        entry.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        entry.write_bytes(b"\x00\xff" * 100)
    elif damage == "other-version":
        entry.write_bytes(json.dumps({**json.loads(header), "tool": "0.0.1"}).encode() + b"\n" + body)
    elif damage == "foreign-class":
        entry.write_bytes(header + b"\n" + body.replace(b'"$c":"Ruleset"', b'"$c":"Popen"', 1))
    else:
        entry.write_bytes(body)
    again = load(str(top), cache=cache)
    assert cache.events[-1].outcome == "rebuilt", cache.events[-1]
    same(again, loaded)
    assert load(str(top), cache=cache) == loaded and cache.events[-1].outcome == "hit"


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX ownership")
def test_entries_others_could_have_written_are_not_read(tmp_path: Path) -> None:
    top = _rules(tmp_path)
    cache = RulesetCache(tmp_path / "cache")
    load(str(top), cache=cache)
    entry = _entry(cache, top)
    entry.chmod(0o666)
    load(str(top), cache=cache)
    assert cache.events[-1].outcome == "rebuilt" and "writable by other users" in cache.events[-1].detail
    assert entry.stat().st_mode & 0o077 == 0
    if os.geteuid() == 0:  # only root can give a file away; the test suite runs as root in CI
        os.chown(entry, 4242, 4242)
        load(str(top), cache=cache)
        assert cache.events[-1].outcome == "rebuilt" and "another user" in cache.events[-1].detail
        assert entry.stat().st_uid == os.geteuid()


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX ownership")
def test_the_folder_is_private(tmp_path: Path) -> None:
    folder = tmp_path / "cache" / "esa-rules"
    RulesetCache(folder)
    assert folder.stat().st_mode & 0o777 == 0o700
    folder.chmod(0o755)
    assert RulesetCache(folder).enabled and folder.stat().st_mode & 0o777 == 0o700
    link = tmp_path / "link"
    link.symlink_to(folder)
    refused = RulesetCache(link)
    assert not refused.enabled
    if os.geteuid() == 0:
        os.chown(folder, 4242, 4242)
        assert not RulesetCache(folder).enabled


def test_a_broken_ruleset_is_never_cached(tmp_path: Path) -> None:
    broken = tmp_path / "broken.esa"
    broken.write_text('ruleset broken\n\nprovision X-1 "T" {\n  topic investment-screening\n  require nothing\n}\n',
                      encoding="utf-8")
    cache = RulesetCache(tmp_path / "cache")
    messages = []
    for _ in range(2):
        with pytest.raises(RulesetError) as info:
            load(str(broken), cache=cache)
        messages.append(str(info.value))
    assert messages[0] == messages[1] and "unknown term or define 'nothing'" in messages[0]
    assert not list((tmp_path / "cache").glob("*.json"))


def test_an_unwritable_cache_costs_speed_not_the_run(tmp_path: Path) -> None:
    top = _rules(tmp_path)
    folder = tmp_path / "cache"
    cache = RulesetCache(folder)
    (folder / "block").mkdir()
    cache.entry_path = lambda path, shown: folder / "block"  # type: ignore[method-assign]
    assert [p.id for p in load(str(top), cache=cache).provisions] == ["B-1", "B-2"]
    assert "not saved" in cache.events[-1].detail


def _check(*args: str, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(main, ["check", "-v", *args, DRAFT], env=env)


def test_check_verbose_says_whether_the_cache_was_hit(tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path), "ESA_RULES_NO_CACHE": ""}
    first, second = _check(env=env), _check(env=env)
    assert "ruleset cache:" in first.stderr and ": built (" in first.stderr
    assert ": hit (" in second.stderr and str(tmp_path / "esa-rules") in second.stderr
    assert first.stdout == second.stdout
    assert (tmp_path / "esa-rules").stat().st_mode & 0o777 == 0o700
    off = _check("--no-cache", env=env)
    assert ": disabled (--no-cache)" in off.stderr and off.stdout == first.stdout
    by_env = _check(env={**env, "ESA_RULES_NO_CACHE": "1"})
    assert ": disabled (ESA_RULES_NO_CACHE is set)" in by_env.stderr


def test_the_folder_is_pruned_of_old_and_excess_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import esa_rules.dsl.cache as cache_module

    folder = tmp_path / "cache"
    top = _rules(tmp_path)
    cache = RulesetCache(folder)
    old = folder / ("0" * 40 + ".json")
    old.write_text("{}", encoding="utf-8")
    os.utime(old, (1, 1))
    load(str(top), cache=cache)
    assert not old.exists() and len(list(folder.glob("*.json"))) == 1
    monkeypatch.setattr(cache_module, "MAX_ENTRIES", 2)
    for n in range(4):
        copy = tmp_path / f"copy{n}.esa"
        copy.write_text(top.read_text(encoding="utf-8"), encoding="utf-8")
        load(str(copy), cache=cache)
    assert len(list(folder.glob("*.json"))) == 2
