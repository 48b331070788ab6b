"""The command line. The only module that prints and sets exit codes: 0 clean, 1 gaps, 2 bad input."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from esa_rules import __version__
from esa_rules.errors import EsaRulesError
from esa_rules.help import MAIN, OPTIONS, MainGroup, command_help
from esa_rules.reporters import formats

F = TypeVar("F", bound=Callable[..., Any])
FAIL_ON = ["error", "warning", "info", "never"]


def format_option(kind: str, help: str | None = None) -> Callable[[F], F]:
    """``-f/--format`` with the formats the renderer registry has for this kind of report."""
    choices = formats(kind)
    return click.option("-f", "--format", "fmt", type=click.Choice(choices), default=choices[0],
                        show_default=True, help=help)


def ruleset_option() -> Callable[[F], F]:
    return click.option("-r", "--ruleset", "rulesets", multiple=True, metavar="RULESET", help=OPTIONS["ruleset"])


def no_cache_option(func: F) -> F:
    return click.option("--no-cache", is_flag=True, help=OPTIONS["no-cache"])(func)


def _fail(message: str) -> None:
    click.echo(message, err=True)
    sys.exit(2)


def guarded(func: F) -> F:
    """Turn every user-facing error into a message and exit code 2: a user never sees a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except EsaRulesError as exc:
            _fail(f"esa-rules: {exc}")
        except KeyboardInterrupt:
            _fail("esa-rules: interrupted")
        except Exception as exc:  # a bug: say so plainly, keep the traceback for those who ask
            if os.environ.get("ESA_RULES_DEBUG"):
                raise
            _fail(f"esa-rules: internal error: {type(exc).__name__}: {exc} "
                  "(set ESA_RULES_DEBUG=1 for details and please report it)")

    return wrapper  # type: ignore[return-value]


@click.group(cls=MainGroup, help=MAIN, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="esa-rules")
def main() -> None:
    pass


@main.command(**command_help("check"))
@click.argument("paths", nargs=-1, required=True)
@ruleset_option()
@format_option("check", OPTIONS["check-format"])
@click.option("-o", "--output", metavar="FILE", help=OPTIONS["output"])
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True, help=OPTIONS["fail-on"])
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N", help=OPTIONS["jobs"])
@click.option("-v", "--verbose", is_flag=True, help=OPTIONS["verbose"])
@click.option("--waivers", metavar="FILE", help=OPTIONS["waivers"])
@click.option("--max-annotations", type=click.IntRange(min=0), default=10, show_default=True, metavar="N",
              help=OPTIONS["max-annotations"])
@click.option("--revisions", type=click.Choice(["accepted", "original"]), default="accepted", show_default=True,
              help=OPTIONS["revisions"])
@click.option("--comment-on", type=click.Choice(["gaps", "all"]), default="gaps", show_default=True,
              help=OPTIONS["comment-on"])
@no_cache_option
@guarded
def check(paths: tuple[str, ...], rulesets: tuple[str, ...], fmt: str, output: str | None, fail_on: str,
          jobs: int | None, verbose: bool, waivers: str | None, max_annotations: int, revisions: str,
          comment_on: str, no_cache: bool) -> None:
    from esa_rules.api import check_paths, default_jobs
    from esa_rules.engine import Checker
    from esa_rules.output import copy_targets, emit, text_width, use_color
    from esa_rules.progress import Progress
    from esa_rules.reporters import copy_suffix, render

    config = _config(verbose)
    rulesets, fmt, fail_on = rulesets or config.rulesets, _flag("fmt", fmt, config.format), \
        _flag("fail_on", fail_on, config.fail_on)
    waivers = waivers or config.waivers
    suffix = copy_suffix("check", fmt)
    # where copies go is settled before any checking, so a wrong -o fails at once
    targets = copy_targets(paths, output, suffix, terminal=sys.stdout.isatty()) if suffix else None
    checker = Checker(_configured_rulesets(rulesets, config, _cache(no_cache, verbose)))
    # the progress line covers rendering too (a large draft's HTML takes a while) and is cleared before
    # anything is printed; waiver notes go to stderr, so they wait until it is gone
    notes: list[str] = []
    with Progress(label=paths[0] if len(paths) == 1 else "") as progress:
        report = check_paths(checker, list(paths), jobs=jobs or default_jobs(), progress=progress.update,
                             options={"revisions": revisions})
        if waivers:
            report, notes = _apply_waivers(report, waivers, checker)
        if targets is None:
            text = render(fmt, report, fail_on=fail_on, color=use_color(output), verbose=verbose,
                          width=text_width(output), base=os.getcwd(), max_annotations=max_annotations)
        else:  # copies are files, never stdout: built and written while the progress line runs
            _write_copies(fmt, report, targets, comment_on=comment_on, revisions=revisions)
    for note in notes:
        click.echo(f"esa-rules: {note}", err=True)
    if targets is None:
        emit(text, output)
    for failure in report.failures:
        click.echo(f"esa-rules: {failure.message}", err=True)
    if report.skipped:
        shown = ", ".join(report.skipped[:10]) + (f" and {len(report.skipped) - 10} more"
                                                  if len(report.skipped) > 10 else "")
        click.echo(f"esa-rules: skipped {len(report.skipped)} file(s) in the folders given that are not in a "
                   f"format esa-rules reads (name a file explicitly to try it anyway): {shown}", err=True)
    if report.failures:
        sys.exit(2)
    sys.exit(1 if report.failing(fail_on) else 0)


def _write_copies(fmt: str, report: Any, targets: Any, **options: Any) -> None:
    """One copy per checked draft (e.g. the draft with review comments), each written atomically."""
    from esa_rules.api import read_source
    from esa_rules.output import emit
    from esa_rules.reporters import render_copy

    for document, target in zip(report.documents, targets.assign([d.path for d in report.documents]),
                                strict=True):
        emit(render_copy(fmt, report, document, read_source(document.path), **options), target)


def _config(verbose: bool) -> Any:
    """The nearest esa-rules.toml / pyproject.toml [tool.esa-rules]; ``-v`` says which one was used."""
    from esa_rules.config import discover

    config = discover()
    if verbose:
        click.echo(f"esa-rules: configuration: {config.path or 'none found (built-in defaults)'}", err=True)
    return config


def _flag(name: str, value: Any, configured: Any) -> Any:
    """A flag given on the command line wins; otherwise the configuration's value, else the default."""
    from click.core import ParameterSource

    given = click.get_current_context().get_parameter_source(name) is not ParameterSource.DEFAULT
    return value if given or configured is None else configured


def _configured_rulesets(rulesets: tuple[str, ...], config: Any, cache: Any = None) -> Any:
    from esa_rules.api import load_rulesets
    from esa_rules.config import apply_config

    return apply_config(load_rulesets(rulesets, cache=cache or _cache()), config)


def _cache(no_cache: bool = False, verbose: bool = False) -> Any:
    """The user's cache every command that loads rulesets uses (``--no-cache``/``ESA_RULES_NO_CACHE``):
    for rulesets and for the repairs' word list; with ``-v`` what it does for each ruleset is said on
    stderr."""
    from esa_rules.dsl.cache import CacheEvent, RulesetCache

    def say(event: CacheEvent) -> None:
        click.echo(f"esa-rules: ruleset cache: {event}", err=True)

    cache = RulesetCache.for_user(no_cache=no_cache, on_event=say if verbose else None)
    from esa_rules import usercache

    # derived data (the repairs' word list, the phrase table) rides along, or, with the cache off, not
    if cache.enabled:
        usercache.keep_in(cache.folder)
    else:
        usercache.stop_keeping()
    return cache


def _apply_waivers(report: Any, waivers: str, checker: Any) -> tuple[Any, list[str]]:
    """The report with the waivers applied, and the notes to print about them (expired, unused)."""
    from esa_rules.waivers import apply_waivers, load_waivers, outcome_notes, today

    known = {p.id for ruleset in checker.rulesets for p in ruleset.provisions}
    day = today()
    report, outcome = apply_waivers(report, load_waivers(waivers), day, known=known)
    return report, list(outcome_notes(outcome, day))


@main.command("diff", **command_help("diff"))
@click.argument("old")
@click.argument("new")
@ruleset_option()
@format_option("diff", "How to report: text, html (a page for reviewers), markdown or json.")
@click.option("-o", "--output", metavar="FILE", help="Write the comparison to FILE instead of the screen.")
@click.option("--fail-on-regression", is_flag=True,
              help="Report failure (exit status 1) when any provision got worse between the rounds.")
@guarded
def diff_cmd(old: str, new: str, rulesets: tuple[str, ...], fmt: str, output: str | None,
             fail_on_regression: bool) -> None:
    from esa_rules.api import check_paths, load_rulesets
    from esa_rules.diff import diff_reports
    from esa_rules.engine import Checker
    from esa_rules.output import emit
    from esa_rules.reporters import render_as

    checker = Checker(load_rulesets(rulesets, cache=_cache()))
    before, after = (check_paths(checker, [path], jobs=1) for path in (old, new))
    failures = before.failures + after.failures
    for failure in failures:
        click.echo(f"esa-rules: {failure.message}", err=True)
    if failures:
        sys.exit(2)
    diff = diff_reports(before, after)
    emit(render_as("diff", fmt, diff), output)
    sys.exit(1 if fail_on_regression and diff.regressions else 0)


def strict_option(func: F) -> F:
    return click.option("--strict", is_flag=True,
                        help="Treat ruleset warnings (an alternative another already covers, a name never "
                        "used, a phrase in two term sets) as errors: exit 2.")(func)


def _warn(loaded: Any, strict: bool) -> None:
    """Print the loader's warnings (each once, even when several rulesets include the same file)."""
    warnings = list(dict.fromkeys(w for ruleset in loaded for w in ruleset.warnings))
    for warning in warnings:
        click.echo(str(warning), err=True)
    if strict and warnings:
        _fail(f"esa-rules: {len(warnings)} ruleset warning(s), and --strict makes them errors")


@main.command("test", **command_help("test"))
@click.argument("rulesets", nargs=-1)
@click.option("--filter", "only", metavar="ID", help="Only the provisions whose id contains ID.")
@click.option("-v", "--verbose", is_flag=True, help="List every example, the passing ones too.")
@strict_option
@guarded
def test_cmd(rulesets: tuple[str, ...], only: str | None, verbose: bool, strict: bool) -> None:
    from esa_rules.dsl import load_many
    from esa_rules.examples import render_results, run_examples
    from esa_rules.resources import shipped_rulesets

    loaded = [ruleset for spec in (rulesets or shipped_rulesets()) for ruleset in load_many([spec])]
    _warn(loaded, strict)
    results = run_examples(loaded, only=only)
    click.echo(render_results(results, verbose=verbose), nl=False)
    sys.exit(1 if any(not r.passed for r in results) or not results else 0)


@main.command(**command_help("explain"))
@click.argument("provision")
@click.argument("path")
@ruleset_option()
@format_option("explain", "text, or json for tools.")
@guarded
def explain(provision: str, path: str, rulesets: tuple[str, ...], fmt: str) -> None:
    from esa_rules.engine import Checker
    from esa_rules.explain import explain as run_explain
    from esa_rules.readers import read
    from esa_rules.reporters import render_as

    config = _config(False)
    checker = Checker(_configured_rulesets(rulesets or config.rulesets, config))
    result = run_explain(checker, provision, read(path))
    click.echo(render_as("explain", fmt, result), nl=False)


@main.command("eval", **command_help("eval"))
@click.argument("labels")
@ruleset_option()
@format_option("eval", "text, or json for tools.")
@click.option("--min-f1", type=click.FloatRange(0, 1), default=None, metavar="X",
              help="Report failure (exit status 1) when the F1 score over all labels is below X (0 to 1).")
@guarded
def eval_cmd(labels: str, rulesets: tuple[str, ...], fmt: str, min_f1: float | None) -> None:
    from esa_rules.api import load_rulesets
    from esa_rules.evaluation import evaluate_labels
    from esa_rules.reporters import render_as

    result = evaluate_labels(labels, load_rulesets(rulesets, cache=_cache()))
    click.echo(render_as("eval", fmt, result, min_f1=min_f1), nl=False)
    sys.exit(1 if min_f1 is not None and result.overall.f1 < min_f1 else 0)


@main.command(**command_help("rules"))
@ruleset_option()
@format_option("rules", "text (a list), markdown (full documentation) or json.")
@strict_option
@guarded
def rules(rulesets: tuple[str, ...], fmt: str, strict: bool) -> None:
    from esa_rules.api import load_rulesets
    from esa_rules.reporters import render_as

    loaded = load_rulesets(rulesets, cache=_cache())
    _warn(loaded, strict)
    click.echo(render_as("rules", fmt, loaded), nl=False)


@main.command(**command_help("fmt"))
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--check", "check_only", is_flag=True,
              help="Change nothing: show what would change and report failure (exit 1) if anything would.")
@guarded
def fmt(files: tuple[str, ...], check_only: bool) -> None:
    from pathlib import Path

    from esa_rules.dsl import format_ruleset
    from esa_rules.errors import InputError
    from esa_rules.output import unified_diff, use_color, write_atomic

    unformatted = []
    for name in files:
        try:
            source = Path(name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read ruleset: {exc}", path=name) from None
        formatted = format_ruleset(source, name)
        if formatted != source:
            unformatted.append(name)
            if check_only:
                click.echo(unified_diff(source, formatted, name, color=use_color(None)), nl=False)
            else:
                write_atomic(name, formatted)
    for name in unformatted:
        click.echo(f"{'would reformat' if check_only else 'reformatted'} {name}", err=True)
    sys.exit(1 if check_only and unformatted else 0)


@main.command(**command_help("lsp"))
@no_cache_option
@guarded
def lsp(no_cache: bool) -> None:
    try:
        from esa_rules.lsp.server import serve
    except ImportError as exc:
        from esa_rules.errors import UsageError

        raise UsageError(f"the language server needs pygls and lsprotocol ({exc}): "
                         "pip install 'esa-rules[lsp]'") from None
    serve(no_cache=no_cache)
