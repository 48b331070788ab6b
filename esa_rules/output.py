"""Writing results: atomically to a file, or to stdout. Only the CLI calls this."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from esa_rules.errors import UsageError


def write_atomic(path: str, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never half of it."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UsageError(f"cannot write output: {exc.strerror}", path=path) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UsageError(f"cannot write output: {exc.strerror}", path=path) from None


def emit(text: str, output: str | None) -> None:
    if output and output != "-":
        write_atomic(output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def use_color(output: str | None) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR") or (output and output != "-"):
        return False
    return sys.stdout.isatty()
