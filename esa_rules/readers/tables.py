"""Plain-text tables whose cells wrap over several lines, read row by row.

A draft typed in a fixed-width font sets a schedule as a grid::

    +-----+------------------+-------------------------+
    | 1   | Listed items     | Notify the other Party  |
    |     |                  | of any addition to its  |
    |     |                  | control list            |
    +-----+------------------+-------------------------+

Read line by line, the cells interleave ("Notify the other Party | ... | of any addition"), so no phrase of
a cell survives and words of one cell sit between words of another. ``reflow`` gives each row one line,
its cells' words joined in order and the cells set apart by " | " (as the HTML and Word readers write a
table row), the way a lawyer reads the schedule. It never moves text outside a table: each row's block
keeps its number of lines (the lines after the first hold a lone "|") and its length (the first line is
padded with spaces), so line numbers and the offsets of everything else stay those of the file.
"""

from __future__ import annotations

import re

_GRID_BORDER = re.compile(r"[ \t]*\+[-=+: \t]*\+[ \t]*$")  # "+-----+------+"
_BORDER = re.compile(_GRID_BORDER.pattern + r"|[ \t]*\|(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*$")  # and "|---|---|"
_ROW = re.compile(r"[ \t]*\|.*\|[ \t]*$")


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip()[1:-1].split("|")]


def _joined(lines: list[str]) -> str | None:
    """The row's one line, or None when its lines do not split into the same columns."""
    rows = [_cells(line) for line in lines]
    width = len(rows[0])
    if width < 2 or any(len(cells) != width for cells in rows):
        return None
    columns = [" ".join(cells[c] for cells in rows if cells[c]) for c in range(width)]
    return "| " + " | ".join(columns) + " |"


def _rows(lines: list[str], bordered: bool) -> list[list[int]]:
    """The row lines of one table (indices into ``lines``), grouped into rows. A grid's rows lie between
    its borders; without inner borders, a line whose first cell is empty goes on with the row above."""
    rows: list[list[int]] = []
    for i, line in enumerate(lines):
        if _BORDER.match(line):
            rows.append([])
            continue
        if rows and rows[-1] and (bordered or not _cells(line)[0]):
            rows[-1].append(i)
        else:
            rows.append([i])
    return [row for row in rows if len(row) > 1]


def reflow(text: str) -> str:
    """``text`` with each multi-line table row on its first line (see the module docstring)."""
    if "|" not in text:
        return text
    lines = text.split("\n")
    out = list(lines)
    i = 0
    while i < len(lines):
        if not (_ROW.match(lines[i]) or _BORDER.match(lines[i])):
            i += 1
            continue
        end = i
        while end < len(lines) and (_ROW.match(lines[end]) or _BORDER.match(lines[end])):
            end += 1
        block = lines[i:end]
        # a grid's rows lie between its inner borders; a Markdown table's "|---|" only ends its header
        bordered = any(_GRID_BORDER.match(line) for line in block[1:-1])
        for row in _rows(block, bordered):
            joined = _joined([block[n] for n in row])
            if joined is None:
                continue
            first = block[row[0]]
            indent = first[: len(first) - len(first.lstrip())]
            size = sum(len(block[n]) for n in row)
            rest = len(row) - 1
            head = indent + joined
            if len(head) + rest > size:
                continue  # no room: the row stays as typed
            out[i + row[0]] = head.ljust(size - rest)
            for n in row[1:]:
                out[i + n] = "|"
        i = end
    return "\n".join(out)
