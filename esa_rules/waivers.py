"""Waivers: accepted gaps as governed records (who approved them, why, until when).

A waiver turns a matching weak, missing or violated finding into ``waived``. An expired waiver no
longer applies (the gap fails CI again) and is reported; one that matches nothing is reported as
unused, so stale records get cleaned up; one naming an unknown provision is a usage error, because a
typo in a provision id would otherwise silently waive nothing.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import tomllib
from collections.abc import Collection, Sequence
from fnmatch import fnmatchcase
from pathlib import Path, PureWindowsPath

import attrs

from esa_rules.errors import UsageError
from esa_rules.report import GAP_STATUSES, DocumentResult, Finding, Report

FIELDS = ("provision", "documents", "reason", "approved_by", "expires")
_TABLE = re.compile(r"^\s*\[\[\s*waiver\s*\]\]")


@attrs.frozen
class Waiver:
    provision: str
    reason: str
    approved_by: str
    documents: tuple[str, ...] = ()  # globs on the path as given; empty means every document
    expires: dt.date | None = None
    path: str = ""
    line: int = 0

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.path else f"waiver {self.provision}"

    def covers(self, document_path: str) -> bool:
        if not self.documents:
            return True
        posix = PureWindowsPath(document_path).as_posix() if "\\" in document_path else document_path
        candidates = {posix, posix.removeprefix("./")}
        return any(fnmatchcase(c, g.removeprefix("./")) for g in self.documents for c in candidates)

    def justification(self) -> str:
        text = f"{self.reason} (approved by {self.approved_by}"
        text += f", until {self.expires.isoformat()})" if self.expires else ")"
        return text


@attrs.frozen
class WaiverOutcome:
    applied: tuple[tuple[Waiver, str, str], ...] = ()  # (waiver, document path, provision)
    expired: tuple[Waiver, ...] = ()
    unused: tuple[Waiver, ...] = ()


def _fail(message: str, path: str, line: int | None, hint: str | None = None) -> UsageError:
    return UsageError(message, path=path, line=line, hint=hint)


def _text(entry: dict[str, object], key: str, path: str, line: int) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _fail(f"waiver needs a non-empty text `{key}`", path, line)
    return value.strip()


def _expires(value: object, path: str, line: int) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise _fail(f"`expires` must be a date such as 2027-03-31, not {value!r}", path, line)


def _documents(value: object, path: str, line: int) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise _fail("`documents` must be a glob or a list of globs", path, line)


def parse_waivers(text: str, path: str = "<waivers>") -> tuple[Waiver, ...]:
    """Waivers from TOML text; ``path`` is only used in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+), column (\d+)", str(exc))
        line, column = (int(match[1]), int(match[2])) if match else (None, None)
        raise UsageError(f"invalid TOML: {exc}", path=path, line=line, column=column) from None
    unknown_top = sorted(set(data) - {"waiver"})
    if unknown_top:
        raise _fail(f"unknown key `{unknown_top[0]}`; waivers are `[[waiver]]` tables", path, 1)
    entries = data.get("waiver", [])
    if not isinstance(entries, list):
        raise _fail("`waiver` must be an array of tables: write `[[waiver]]`", path, 1)
    # tomllib keeps no positions, so line numbers come from the table headers, in order.
    lines = [n for n, raw in enumerate(text.splitlines(), start=1) if _TABLE.match(raw)]
    waivers = []
    for index, entry in enumerate(entries):
        line = lines[index] if index < len(lines) else 1
        for key in sorted(set(entry) - set(FIELDS)):
            close = difflib.get_close_matches(key, FIELDS, n=1)
            raise _fail(f"unknown waiver field `{key}`", path, line,
                        f"did you mean `{close[0]}`?" if close else f"fields: {', '.join(FIELDS)}")
        waivers.append(Waiver(
            provision=_text(entry, "provision", path, line),
            reason=_text(entry, "reason", path, line),
            approved_by=_text(entry, "approved_by", path, line),
            documents=_documents(entry.get("documents"), path, line),
            expires=_expires(entry.get("expires"), path, line),
            path=path,
            line=line,
        ))
    return tuple(waivers)


def load_waivers(path: str | Path) -> tuple[Waiver, ...]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read waivers file: {exc}", path=str(path)) from None
    return parse_waivers(text, str(path))


def _check_known(waivers: Sequence[Waiver], known: Collection[str]) -> None:
    for waiver in waivers:
        if waiver.provision not in known:
            close = difflib.get_close_matches(waiver.provision, sorted(known), n=1)
            raise UsageError(
                f"waiver names unknown provision `{waiver.provision}`",
                path=waiver.path or None, line=waiver.line or None,
                hint=f"did you mean `{close[0]}`?" if close else None,
            )


def _waive(finding: Finding, waiver: Waiver) -> Finding:
    return attrs.evolve(
        finding, status="waived", waiver=waiver.justification(), waived_status=finding.status,
    )


def apply_waivers(
    report: Report,
    waivers: Sequence[Waiver],
    today: dt.date,
    known: Collection[str] | None = None,
) -> tuple[Report, WaiverOutcome]:
    """The report with matching gaps waived, and what happened to each waiver.

    ``known`` is the set of provision ids of the active rulesets; by default, those the report holds.
    A waiver expires at the end of its ``expires`` day.
    """
    if known is None:
        known = {f.provision for doc in report.documents for f in doc.findings}
    _check_known(waivers, known)
    active = [w for w in waivers if w.expires is None or w.expires >= today]
    expired = tuple(w for w in waivers if w.expires is not None and w.expires < today)
    used: set[int] = set()
    applied: list[tuple[Waiver, str, str]] = []
    documents: list[DocumentResult] = []
    for doc in report.documents:
        findings = []
        for finding in doc.findings:
            waiver = None
            if finding.status in GAP_STATUSES:
                waiver = next((w for w in active if w.provision == finding.provision and w.covers(doc.path)),
                              None)
            if waiver is None:
                findings.append(finding)
                continue
            used.add(id(waiver))
            applied.append((waiver, doc.path, finding.provision))
            findings.append(_waive(finding, waiver))
        documents.append(attrs.evolve(doc, findings=tuple(findings)))
    unused = tuple(w for w in active if id(w) not in used)
    outcome = WaiverOutcome(applied=tuple(applied), expired=expired, unused=unused)
    return attrs.evolve(report, documents=tuple(documents)), outcome


def today() -> dt.date:
    """The date waivers are judged on; ESA_RULES_TODAY=YYYY-MM-DD pins it for reproducible CI runs."""
    pinned = os.environ.get("ESA_RULES_TODAY")
    if not pinned:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(pinned)
    except ValueError:
        raise UsageError(f"ESA_RULES_TODAY must be a date such as 2027-03-31, not {pinned!r}") from None


def outcome_notes(outcome: WaiverOutcome, today: dt.date) -> list[str]:
    """One line per expired or unused waiver, for the CLI to print on stderr."""
    notes = [
        f"{w.where}: waiver for {w.provision} expired on {w.expires.isoformat()} "
        f"(today is {today.isoformat()}); the gap counts again"
        for w in outcome.expired if w.expires is not None
    ]
    notes += [f"{w.where}: waiver for {w.provision} matched no gap; remove it if the gap is closed"
              for w in outcome.unused]
    return notes
