"""What ``esa-rules --help`` and each command's ``--help`` say: purpose, examples, the shipped rulesets.

Kept apart from cli.py so the commands stay readable. Each text is written for a negotiator first:
what the command does and what to type, before how it works. Lines marked ``\\b`` keep their layout
(click would otherwise rewrap the examples into one paragraph).
"""

from __future__ import annotations

import re
from typing import Any

import attrs
import click

from esa_rules.resources import shipped_rulesets


@attrs.frozen
class CommandHelp:
    short: str  # the one line in `esa-rules --help`; short enough never to be cut off
    text: str


WIDTH = 78  # click wraps help at 80 columns; the \b example blocks are laid out by hand to fit it


def _examples(*lines: tuple[str, str]) -> str:
    """Commands with what each does beside them, aligned; when one description would run past the
    width, every description of the block goes on the line below its command instead."""
    column = max(len(command) for command, _ in lines) + 2
    aligned = all(2 + column + len(what) <= WIDTH for _, what in lines)
    out = ["\b", "Examples:"]
    for command, what in lines:
        if aligned:
            out.append(f"  {command.ljust(column)}{what}".rstrip())
        else:
            out += [f"  {command}"] + ([f"      {what}"] if what else [])
    return "\n".join(out)


MAIN = (
    "Check draft economic security agreements against the provisions they must contain. For each "
    "provision, a draft satisfies it, has it only in weak form (hortatory wording, carved out of dispute "
    "settlement, a non-binding text), leaves it missing, or violates it; every verdict quotes its "
    "evidence.\n\n"
    + _examples(
        ("esa-rules check draft.docx", "one line per provision"),
        ("esa-rules check -v draft.docx", "...quoting the clause behind each"),
        ("esa-rules check drafts/ -f html -o report.html", "a gap report for reviewers"),
        ("esa-rules explain ESA-INV-2 draft.docx", "why one provision is missing"),
    )
    + "\n\nRun `esa-rules COMMAND --help` for a command's options."
)

COMMANDS: dict[str, CommandHelp] = {
    "check": CommandHelp(
        "Check drafts and report each provision's status.",
        "Check drafts (files or folders) against the rulesets and report, for every required provision, "
        "whether each draft satisfies it, has it only in weak form, leaves it missing or violates it.\n\n"
        "With -f docx, it writes the draft back as a Word file with each finding as a review comment on "
        "its clause: -o REVIEW.docx for one draft, -o FOLDER for several.\n\n"
        "Exit status: 0 when no gap fails the run (see --fail-on), 1 when one does, 2 when a draft, a "
        "ruleset or an option is wrong.\n\n"
        + _examples(
            ("esa-rules check draft.docx", "one line per provision"),
            ("esa-rules check -v draft.docx", "quote the clause behind each verdict"),
            ("esa-rules check drafts/ -f html -o report.html", "a gap report for reviewers"),
            ("esa-rules check -f docx -o review.docx draft.docx", "the draft with review comments"),
        ),
    ),
    "diff": CommandHelp(
        "Compare two rounds of a draft, provision by provision.",
        "Compare two rounds of a draft (files, or folders paired by file name): which provisions were "
        "closed, opened, strengthened or weakened between them.\n\n"
        + _examples(
            ("esa-rules diff round1.docx round2.docx", "what changed, provision by provision"),
            ("esa-rules diff old/ new/ -f html -o changes.html", "a page for reviewers"),
            ("esa-rules diff old/ new/ --fail-on-regression", "exit 1 if anything got worse"),
        ),
    ),
    "test": CommandHelp(
        "Run the examples written inside the rulesets.",
        "Run every `example` written inside the rulesets and check that each gets the status it "
        "declares (default: all shipped rulesets). Prints the failures and a summary; exit 1 on a "
        "failure.\n\n"
        + _examples(
            ("esa-rules test", "every shipped ruleset"),
            ("esa-rules test my-partner.esa", "your ruleset, and what it includes"),
            ("esa-rules test --filter ESA-INV -v", "list every example, passed or not"),
        ),
    ),
    "explain": CommandHelp(
        "Why a provision is or is not satisfied, step by step.",
        "Why PROVISION is or is not satisfied by the draft at PATH: each condition of the provision, "
        "whether it holds, and the clause that decides it.\n\n"
        + _examples(
            ("esa-rules explain ESA-INV-2 draft.docx", "condition by condition"),
            ("esa-rules explain -r partner-uk UK-INV-1 draft.docx", "a provision of a partner ruleset"),
        ),
    ),
    "eval": CommandHelp(
        "Score the rulesets on drafts with known answers.",
        "Precision, recall and F1 of the rulesets on drafts whose right answers are known: LABELS is a "
        "CSV file of path,provision (or topic),expected status.\n\n"
        + _examples(
            ("esa-rules eval sample_texts/labels.csv", "precision, recall and F1"),
            ("esa-rules eval labels.csv --min-f1 0.9", "exit 1 below 0.9 (for CI)"),
        ),
    ),
    "rules": CommandHelp(
        "List and document the provisions of the rulesets.",
        "List the provisions of the active rulesets, or document them in full (why each matters, its "
        "source, the model wording, examples).\n\n"
        + _examples(
            ("esa-rules rules", "every provision of esa-core"),
            ("esa-rules rules -r usmca-review -f markdown > usmca.md", "a document to share"),
        ),
    ),
    "fmt": CommandHelp(
        "Lay out ruleset files in the canonical way.",
        "Rewrite ruleset files in the canonical layout (comments kept; running it twice changes "
        "nothing). With --check, change nothing and show the changes it would make.\n\n"
        + _examples(
            ("esa-rules fmt my-partner.esa", "rewrite the file in place"),
            ("esa-rules fmt --check rulesets/*.esa", "exit 1 and show a diff if one is not laid out"),
        ),
    ),
    "lsp": CommandHelp(
        "Serve editors: live diagnostics in drafts and rulesets.",
        "Run a language server on stdin and stdout for an editor (VS Code, Neovim, Emacs, Helix): drafts "
        "get a diagnostic for every gap as you type, a hover with the model wording and a quick fix that "
        "inserts it; rulesets get their errors as you type, hovers, go to definition and formatting. The "
        "editor starts it; docs/editors.md shows how. Needs: pip install 'esa-rules[lsp]'.\n\n"
        + _examples(
            ("esa-rules lsp", "what an editor runs"),
            ("esa-rules lsp --no-cache", "...reading rulesets afresh from their files"),
        ),
    ),
}

OPTIONS = {
    "ruleset": "Checklist of required provisions: a shipped ruleset's name (listed in `esa-rules --help`) "
               "or your own .esa file. Repeat to use several. Default: esa-core.",
    "check-format": "How to report: text (one line per provision), html (a gap report for reviewers), "
                    "docx (the draft with review comments), markdown (a pull-request comment), json, or "
                    "sarif, junit and github for CI.",
    "output": "Write the report to FILE instead of the screen (a file it replaces keeps its permissions); "
              "with -f docx and several drafts, a folder.",
    "fail-on": "Which gaps make the command report failure (exit status 1): those of provisions of "
               "severity error (the default), of warning or above, of any severity (info), or never.",
    "jobs": "How many drafts to check at once (default: one per processor).",
    "verbose": "Under each finding, quote the sentence that decided it; for a gap, the nearest clause "
               "and the model wording (text format). Also name the settings file used, and say whether "
               "the rulesets came from the cache.",
    "waivers": "File of gaps the negotiators accepted (TOML [[waiver]] entries with reason, approver and "
               "expiry): those are reported as waived and do not fail the run.",
    "max-annotations": "With -f github: annotate only the N most serious gaps (GitHub shows 10 of each "
                       "kind per step); a summary line counts the rest. 0 annotates every gap.",
    "revisions": "Word files with tracked changes: check the text with the changes accepted, or as it "
                 "was before them.",
    "comment-on": "With -f docx: comment only on the gaps, or on satisfied provisions too (on the clause "
                  "that meets them).",
    "no-cache": "Read the rulesets from their files afresh instead of the copy kept from the last run "
                "(also: ESA_RULES_NO_CACHE=1). The copy is refreshed whenever a ruleset file changes.",
}


def _ruleset_titles() -> list[tuple[str, str]]:
    """Name and title of every shipped ruleset, read from each file's first line (no parsing: help
    must stay instant)."""
    rows = []
    for name, path in shipped_rulesets().items():
        try:
            with path.open(encoding="utf-8") as handle:
                first = handle.readline()
        except OSError:
            first = ""
        match = re.match(r'\s*ruleset\s+\S+\s+"([^"]*)"', first)
        title = match.group(1) if match else ""
        rows.append((name, title + (" (the default)" if name == "esa-core" else "")))
    return rows


class MainGroup(click.Group):
    """The top-level group: its help ends with the shipped rulesets, one line each."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Shipped rulesets (use with -r NAME)"):
            formatter.write_dl(_ruleset_titles())
        super().format_epilog(ctx, formatter)


def command_help(name: str) -> dict[str, Any]:
    """Keyword arguments for ``@main.command``: the help text and the short line."""
    entry = COMMANDS[name]
    return {"help": entry.text, "short_help": entry.short}
