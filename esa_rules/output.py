"""Writing results: atomically to a file, or to stdout. Only the CLI calls this."""

from __future__ import annotations

import difflib
import os
import shutil
import stat
import sys
from collections.abc import Sequence
from pathlib import Path

import attrs

from esa_rules.errors import UsageError


def _mode_for(target: Path) -> int:
    """The permission bits the written file should have.

    ``mkstemp`` creates its file 0600 so no one can read it half-written; left like that, replacing a
    shared report.html would lock the team out of it. A replaced file keeps its own mode; a new file
    gets what ``open()`` would have given it: 0666 less the umask.
    """
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def write_atomic(path: str, content: str | bytes) -> None:
    """Write ``content`` (text as UTF-8, or bytes as they are) to ``path`` so that readers see the old
    file or the new one, never half of it."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    data = content.encode("utf-8") if isinstance(content, str) else content
    mode = _mode_for(target)
    import tempfile  # here: only -o needs it, and it costs start-up time

    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UsageError(f"cannot write output: {exc.strerror}", path=path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if hasattr(os, "fchmod"):  # not on Windows, where only the read-only bit exists anyway
                os.fchmod(handle.fileno(), mode)
            else:
                os.chmod(tmp, mode)
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UsageError(f"cannot write output: {exc.strerror}", path=path) from None


def _umask() -> int:
    mask = os.umask(0)  # the only portable way to read the umask is to set it
    os.umask(mask)
    return mask


def emit(content: str | bytes, output: str | None) -> None:
    if output and output != "-":
        write_atomic(output, content)
    elif isinstance(content, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(content)
        sys.stdout.flush()


def use_color(output: str | None) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR") or (output and output != "-"):
        return False
    return sys.stdout.isatty()


@attrs.frozen
class CopyTargets:
    """Where a per-document format (a review copy of each draft) writes: one draft to ``file`` ("-" for
    stdout), several drafts into ``folder`` as ``<name><suffix>``."""

    suffix: str
    file: str | None = None
    folder: str | None = None

    def assign(self, drafts: Sequence[str]) -> list[str]:
        """The target of each draft, in order. Refuses (before anything is written) two drafts that would
        share a target, and a target that is one of the drafts: the input file is never written."""
        targets = [self._target(draft) for draft in drafts]
        taken: dict[str, str] = {}
        for draft, target in zip(drafts, targets, strict=True):
            key = os.path.realpath(target) if target != "-" else target
            if key in taken:
                raise UsageError(f"{taken[key]} and {draft} would both be written to {target}; "
                                 "check them into different folders", path=draft)
            taken[key] = draft
            if target != "-" and any(_same_file(target, d) for d in drafts):
                raise UsageError(f"the output {target} is one of the drafts checked; the draft itself is never "
                                 "written: name another file", path=target)
        return targets

    def _target(self, draft: str) -> str:
        if self.folder is not None:
            return os.path.join(self.folder, copy_name(draft, self.suffix))
        assert self.file is not None
        return self.file


def copy_name(draft: str, suffix: str) -> str:
    """``drafts/ch3.docx`` -> ``ch3.review.docx`` (for suffix ``.review.docx``)."""
    return Path(draft).stem + suffix


def copy_targets(paths: Sequence[str], output: str | None, suffix: str, *, terminal: bool) -> CopyTargets:
    """Decide, before any checking, where the copies go: ``-o FILE`` (or stdout when piped) for one
    draft; ``-o FOLDER`` for several (created if missing). Anything else is a usage error (exit 2)."""
    several = len(paths) > 1 or any(os.path.isdir(p) for p in paths)
    kind = suffix.rsplit(".", 1)[-1]
    if several:
        if not output or output == "-":
            raise UsageError(f"several drafts with -f {kind}: name a folder for the copies with -o FOLDER "
                             f"(each draft becomes <name>{suffix} there)")
        if os.path.exists(output) and not os.path.isdir(output):
            raise UsageError(f"several drafts with -f {kind}: -o must name a folder, and {output} is a file")
        if output.lower().endswith(f".{kind}"):
            raise UsageError(f"several drafts with -f {kind}: -o must name a folder, not a .{kind} file",
                             path=output)
        try:
            os.makedirs(output, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot create the output folder: {exc.strerror}", path=output) from None
        return CopyTargets(suffix, folder=output)
    if output and os.path.isdir(output):
        return CopyTargets(suffix, folder=output)
    if (not output or output == "-") and terminal:
        raise UsageError(f"-f {kind} writes a file, not text for the terminal: add -o REVIEW.{kind}")
    targets = CopyTargets(suffix, file=output or "-")
    targets.assign(list(paths))  # refuse -o naming the draft itself now, not after the check
    return targets


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def text_width(output: str | None) -> int:
    """Where ``-v`` wraps quotes: the terminal's width (at most 100, a comfortable line), else 100 so a
    saved report is the same bytes wherever it was made."""
    if (output and output != "-") or not sys.stdout.isatty():
        return 100
    return max(40, min(100, shutil.get_terminal_size().columns))


def unified_diff(before: str, after: str, name: str, color: bool = False) -> str:
    """What rewriting ``name`` would change, as a unified diff a reviewer (or ``patch``) can read."""
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=name, tofile=f"{name} (formatted)")
    out = []
    for line in lines:
        line = line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
        if color and line[:1] in "+-@" and not line.startswith(("+++", "---")):
            code = {"+": "32", "-": "31", "@": "36"}[line[0]]
            line = f"\x1b[{code}m{line.rstrip(chr(10))}\x1b[0m\n"
        out.append(line)
    return "".join(out)
