"""Named conditions (`define`), descriptions, phrase patterns, loader warnings and the wrapping formatter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from esa_rules.dsl import format_ruleset, load, parse
from esa_rules.dsl.ast import Named
from esa_rules.dsl.fmt import WIDTH
from esa_rules.dsl.lint import covers
from esa_rules.dsl.patterns import PatternError, expand_pattern
from esa_rules.engine import Checker
from esa_rules.errors import RulesetError
from esa_rules.explain import explain, render_text
from esa_rules.readers import read_text


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def provision(condition: str, ident: str = "P-1", extra: str = "") -> str:
    return f'provision {ident} "Title" {{\n  topic investment-screening\n  require {condition}\n{extra}}}\n'


BASE = '''ruleset base
terms review "a review of investments" = "review* [of] (foreign|overseas) invest*"
terms security = "national security"
define screening "a review of investments on security grounds" = review near/10 security
'''


def status(checker: Checker, text: str, ident: str = "P-1") -> str:
    result = checker.check(read_text(text))
    return next(f.status for f in result.findings if f.provision == ident)


# --- define ---------------------------------------------------------------------------------------


def test_a_define_is_usable_in_require_in_other_defines_and_across_includes(tmp_path: Path) -> None:
    write(tmp_path, "base.esa", BASE + provision("screening", "BASE-1"))
    top = write(tmp_path, "top.esa", 'ruleset top\ninclude "base.esa"\n'
                'define aligned = screening and "align*"\n' + provision("aligned", "TOP-1"))
    ruleset = load(str(top))
    assert sorted(ruleset.defines) == ["aligned", "screening"]
    top_condition = ruleset.provisions[1].clauses[0].condition
    assert isinstance(top_condition, Named) and top_condition.name == "aligned"
    checker = Checker([ruleset])
    text = ("Each Party shall review foreign investments for risks to national security "
            "and shall align its procedures with those of the other Party.")
    assert status(checker, text, "BASE-1") == "satisfied"
    assert status(checker, text, "TOP-1") == "satisfied"
    assert status(checker, "Each Party shall review foreign investments.", "BASE-1") == "missing"


def test_one_define_used_by_many_provisions_is_one_shared_node(tmp_path: Path) -> None:
    path = write(tmp_path, "r.esa", BASE + provision("screening", "P-1") + provision("screening", "P-2"))
    first, second = (p.clauses[0].condition for p in load(str(path)).provisions)
    assert first is second


@pytest.mark.parametrize(("text", "message", "line", "column"), [
    ('ruleset t\ndefine a = b\ndefine b = "x" or a\n' + provision("a"), "define reference cycle: a -> b -> a", 3, 19),
    ('ruleset t\ndefine a = "x" and a\n' + provision("a"), "define reference cycle: a -> a", 2, 20),
    ('ruleset t\ndefine a = scren\nterms screen = "x"\n' + provision("a"), "unknown term or define 'scren'", 2, 12),
    ('ruleset t\nterms a = "x"\ndefine a = "y"\n' + provision("a"), "'a' is already the name of a term", 3, 8),
    ('ruleset t\ndefine d = "x"\nterms t = d | "y"\n' + provision("t"), "'d' is a define (a condition)", 3, 11),
    ('ruleset t\ndefine not = "x"\n' + provision('"x"'), "'not' is a keyword", 2, 8),
])
def test_define_errors_name_file_line_and_column(tmp_path: Path, text: str, message: str, line: int,
                                                  column: int) -> None:
    path = write(tmp_path, "rules.esa", text)
    with pytest.raises(RulesetError) as info:
        load(str(path))
    assert message in info.value.message
    assert (info.value.line, info.value.column) == (line, column)
    assert Path(info.value.path or "").name == "rules.esa"


def test_a_cycle_through_the_cli_is_exit_2_without_a_traceback(tmp_path: Path) -> None:
    path = write(tmp_path, "rules.esa", 'ruleset t\ndefine a = b\ndefine b = a\n' + provision("a"))
    run = subprocess.run([sys.executable, "-m", "esa_rules", "rules", "-r", str(path)], capture_output=True,
                         text=True)
    assert run.returncode == 2
    assert "rules.esa:3:12: define reference cycle: a -> b -> a" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_name_defined_in_two_files_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "base.esa", BASE + provision("screening", "BASE-1"))
    top = write(tmp_path, "top.esa", 'ruleset top\ninclude "base.esa"\ndefine review = "x"\n' + provision("review"))
    with pytest.raises(RulesetError, match=r"term .review. is already defined at .*base.esa:2:7"):
        load(str(top))


# --- descriptions ---------------------------------------------------------------------------------


def test_descriptions_are_kept_and_explain_shows_defines_by_name(tmp_path: Path) -> None:
    path = write(tmp_path, "r.esa", BASE + provision("screening"))
    ruleset = load(str(path))
    assert ruleset.terms["review"].description == "a review of investments"
    assert ruleset.defines["screening"].description == "a review of investments on security grounds"
    checker = Checker([ruleset])
    shown = render_text(explain(checker, "P-1", read_text("Each Party shall review foreign investments.")))
    assert "screening (a review of investments on security grounds)" in shown
    assert "review near/10 security" in shown


def test_an_empty_description_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "r.esa", 'ruleset t\nterms a "" = "x"\n' + provision("a"))
    with pytest.raises(RulesetError, match="empty description") as info:
        load(str(path))
    assert (info.value.line, info.value.column) == (2, 9)


# --- phrase patterns ------------------------------------------------------------------------------


def test_patterns_expand_to_every_phrase_they_stand_for() -> None:
    assert expand_pattern("review* [of] (foreign|overseas) invest*") == (
        "review* foreign invest*", "review* overseas invest*", "review* of foreign invest*",
        "review* of overseas invest*")
    assert expand_pattern("invest(ment|or)s") == ("investments", "investors")
    assert expand_pattern("a [b [c]] d") == ("a d", "a b d", "a b c d")
    assert expand_pattern("plain words") == ("plain words",)


@pytest.mark.parametrize(("pattern", "message"), [
    ("a [b", "missing ']'"), ("a ]", "unexpected ']'"), ("(a|b", r"missing '\)'"), ("(a||b)", "empty alternative"),
    ("[x]", "can match nothing"), ("(a|b) (c|d) (e|f) (g|h) (i|j) (k|l) (m|n) (o|p) (q|r)", "more than 256"),
])
def test_malformed_patterns_are_refused(pattern: str, message: str) -> None:
    with pytest.raises(PatternError, match=message):
        expand_pattern(pattern)


def test_a_malformed_pattern_is_a_ruleset_error_at_the_phrase(tmp_path: Path) -> None:
    path = write(tmp_path, "r.esa", 'ruleset t\nterms a = "x" | "review [of foreign"\n' + provision("a"))
    with pytest.raises(RulesetError, match=r"missing '\]' in phrase 'review \[of foreign'") as info:
        load(str(path))
    assert (info.value.line, info.value.column) == (2, 17)


def test_patterns_match_in_the_one_scan(tmp_path: Path) -> None:
    path = write(tmp_path, "r.esa", 'ruleset t\n' + provision('"review* [of] (foreign|overseas) invest*"'))
    checker = Checker([load(str(path))])
    assert len(checker.phrases) == 4  # expanded into the automaton, not run as a regex per phrase
    for text in ("Each Party shall review overseas investment.", "Each Party shall review of foreign investors.",
                 "Each Party shall conduct reviews of foreign investment."):
        assert status(checker, text) == "satisfied", text
    assert status(checker, "Each Party shall review domestic investment.") == "missing"


def test_a_star_may_end_a_word_inside_a_group(tmp_path: Path) -> None:
    path = write(tmp_path, "r.esa", 'ruleset t\n' + provision('"(invest*|acquisition*) screening"'))
    assert load(str(path)).provisions[0].id == "P-1"
    bad = write(tmp_path, "bad.esa", 'ruleset t\n' + provision('"(inv*est|x) screening"'))
    with pytest.raises(RulesetError, match="misplaced"):
        load(str(bad))


# --- loader warnings ------------------------------------------------------------------------------

WARNED = '''ruleset t
terms place = "third country" | "third countries" | "consult*" | "consultation"
terms other = "consultation" | "talks"
terms spare = "never used"
define idle = place
''' + provision("place or other")


def test_loader_warnings(tmp_path: Path) -> None:
    path = write(tmp_path, "r.esa", WARNED)
    messages = [(w.pos.line, w.message) for w in load(str(path)).warnings]
    assert messages == [
        (2, '"third countries" in terms place is already matched by "third country"; leave it out'),
        (2, '"consultation" in terms place is already matched by "consult*"; leave it out'),
        (3, '"consultation" is in terms place too; name the concept once (refer to one term from the other)'),
        (4, "term spare is never used"),
        (5, "define idle is never used"),
    ]


@pytest.mark.parametrize(("wide", "narrow", "expected"), [
    ("third country", "third countries", True), ("consult*", "consultation", True),
    ("investment", "invest*", False), ("dual-use", "dual use", True), ("dual use", "dual-use", False),
    ("programs", "program", False),
])
def test_coverage_follows_the_matching_rules(wide: str, narrow: str, expected: bool) -> None:
    assert covers(wide, narrow) is expected


def test_warnings_are_printed_and_strict_makes_them_errors(tmp_path: Path) -> None:
    path = write(tmp_path, "r.esa", WARNED)
    relaxed = subprocess.run([sys.executable, "-m", "esa_rules", "rules", "-r", str(path)], capture_output=True,
                             text=True)
    assert relaxed.returncode == 0 and "r.esa:4:7: warning: term spare is never used" in relaxed.stderr
    strict = subprocess.run([sys.executable, "-m", "esa_rules", "test", str(path), "--strict"],
                            capture_output=True, text=True)
    assert strict.returncode == 2 and "5 ruleset warning(s)" in strict.stderr


# --- fmt wraps long conditions --------------------------------------------------------------------


def test_fmt_wraps_a_long_condition_at_its_top_level_operator() -> None:
    alternatives = " or ".join(f'"phrase number {i}"' for i in range(12))
    text = ('ruleset t\ndefine long "a description long enough to push the condition onto the next line" = '
            + alternatives + '\n' + provision(f'("x" near/5 ({alternatives})) and not "y" or "z"')
            .replace("investment-screening", "export-controls"))
    formatted = format_ruleset(text)
    assert all(len(line) <= WIDTH for line in formatted.splitlines())
    assert "\n       or " in formatted and "\n      and not " in formatted
    assert format_ruleset(formatted) == formatted
    assert parse(formatted) == parse(text)
