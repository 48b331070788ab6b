"""Configuration: esa-rules.toml or [tool.esa-rules], found walking up; flags win; errors have lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from esa_rules.api import load_rulesets
from esa_rules.cli import main
from esa_rules.config import Config, apply_config, discover, find_config, load_config, locate_key
from esa_rules.errors import UsageError

DRAFT = "Article 1\n1. The Parties recognise the importance of foreign direct investment.\n"


def _project(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    sub = tmp_path / "drafts" / "round2"
    sub.mkdir(parents=True)
    (sub / "d.txt").write_text(DRAFT, encoding="utf-8")
    return sub


def test_found_by_walking_up_and_esa_rules_toml_wins(tmp_path: Path) -> None:
    sub = _project(tmp_path, "pyproject.toml", '[tool.esa-rules]\nfail-on = "warning"\n')
    assert find_config(sub) == tmp_path / "pyproject.toml"
    (tmp_path / "esa-rules.toml").write_text('format = "json"\n', encoding="utf-8")
    assert find_config(sub) == tmp_path / "esa-rules.toml"


def test_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    sub = _project(tmp_path, "pyproject.toml", '[project]\nname = "x"\n')
    assert discover(sub) == Config()


def test_values_and_relative_paths(tmp_path: Path) -> None:
    path = tmp_path / "esa-rules.toml"
    path.write_text('rulesets = ["esa-core", "mine.esa"]\nwaivers = "w.toml"\nfail-on = "warning"\n'
                    'disable = ["ESA-SEC-2"]\n[severity]\n"ESA-INV-3" = "error"\n', encoding="utf-8")
    config = load_config(path)
    assert config.rulesets == ("esa-core", str(tmp_path / "mine.esa"))
    assert config.waivers == str(tmp_path / "w.toml") and config.fail_on == "warning"
    assert config.severity == (("ESA-INV-3", "error"),) and config.disable == ("ESA-SEC-2",)


def test_apply_config_overrides_and_disables() -> None:
    rulesets = apply_config(load_rulesets([]), Config(severity=(("ESA-INV-3", "error"),), disable=("ESA-SEC-2",)))
    by_id = {p.id: p for r in rulesets for p in r.provisions}
    assert by_id["ESA-INV-3"].severity == "error" and "ESA-SEC-2" not in by_id


@pytest.mark.parametrize(("name", "text", "line", "message"), [
    ("esa-rules.toml", 'format = "json"\nfail_on = "error"\n', 2, "unknown configuration key 'fail_on'"),
    ("pyproject.toml", '[project]\nname = "x"\n\n[tool.esa-rules]\nformat = "json"\nruleset = []\n', 6,
     "unknown configuration key 'ruleset'"),
    ("esa-rules.toml", 'format = "pdf"\n', 1, "'format' must be one of"),
    ("esa-rules.toml", '[severity]\n"ESA-INV-1" = "fatal"\n', 2, "severity of ESA-INV-1"),
    ("esa-rules.toml", 'format = "json\n', 1, "invalid TOML"),
])
def test_errors_name_file_and_line(tmp_path: Path, name: str, text: str, line: int, message: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError) as info:
        load_config(path)
    assert message in info.value.message and info.value.line == line and info.value.path == str(path)


def test_unknown_provision_in_config_is_located(tmp_path: Path) -> None:
    path = tmp_path / "esa-rules.toml"
    path.write_text('fail-on = "error"\n[severity]\n"ESA-INV-33" = "info"\n', encoding="utf-8")
    with pytest.raises(UsageError) as info:
        apply_config(load_rulesets([]), load_config(path))
    assert info.value.line == 3 and "did you mean 'ESA-INV-3'" in str(info.value)


def test_locate_key_forms() -> None:
    text = '[tool.esa-rules]\nformat = "x"\nseverity = { "A-1" = "info" }\n[tool.other]\nformat = 1\n'
    assert locate_key(text, ("tool", "esa-rules"), "format") == 2
    assert locate_key(text, ("tool", "esa-rules", "severity"), "A-1") == 3
    assert locate_key('tool.esa-rules.format = "x"\n', ("tool", "esa-rules"), "format") == 1


def test_cli_uses_config_flags_win_and_verbose_names_the_file(tmp_path: Path, monkeypatch) -> None:
    sub = _project(tmp_path, "esa-rules.toml", 'format = "json"\nfail-on = "never"\ndisable = ["ESA-SEC-2"]\n')
    monkeypatch.chdir(sub)
    runner = CliRunner()
    result = runner.invoke(main, ["check", "d.txt", "-v", "--jobs", "1"])
    assert result.exit_code == 0  # fail-on never from the file
    assert f"configuration: {tmp_path / 'esa-rules.toml'}" in result.stderr
    data = json.loads(result.stdout)
    assert "ESA-SEC-2" not in {f["provision"] for f in data["documents"][0]["findings"]}
    flagged = runner.invoke(main, ["check", "d.txt", "-f", "text", "--fail-on", "error", "--jobs", "1"])
    assert flagged.exit_code == 1 and not flagged.stdout.lstrip().startswith("{")


def test_cli_bad_config_exits_2_with_location(tmp_path: Path, monkeypatch) -> None:
    sub = _project(tmp_path, "esa-rules.toml", 'format = "json"\nfailon = "x"\n')
    monkeypatch.chdir(sub)
    result = CliRunner().invoke(main, ["check", "d.txt"])
    assert result.exit_code == 2 and "esa-rules.toml:2:1: unknown configuration key 'failon'" in result.output
    assert "did you mean 'fail-on'" in result.output
