"""Word styles and automatic numbering: the "Article 3", "1." and "(a)" that Word draws but never stores.

A numbered paragraph stores only (numId, ilvl); the label comes from the abstract numbering definition
(format and level text such as "Article %1" or "(%2)") and a running counter. Word keeps one counter set
per abstract definition, so lists that share a definition continue each other unless a ``startOverride``
restarts them; a level's counter restarts whenever a shallower level advances.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

import attrs

_HEADING = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"%([1-9])")


def local(tag: object) -> str:
    """Tag name without namespace: works for transitional and strict OOXML alike."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def wattr(element: Element, name: str) -> str | None:
    """A ``w:``-namespaced attribute, whichever namespace URI the file uses."""
    for key, value in element.attrib.items():
        if local(key) == name:
            return value
    return None


def _child(element: Element | None, *path: str) -> Element | None:
    for name in path:
        if element is None:
            return None
        element = next((c for c in element if local(c.tag) == name), None)
    return element


def _val(element: Element | None, *path: str) -> str | None:
    found = _child(element, *path)
    return wattr(found, "val") if found is not None else None


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


class Styles:
    def __init__(self, root: Element | None) -> None:
        self.names: dict[str, str] = {}
        self.based_on: dict[str, str] = {}
        self.num: dict[str, tuple[str | None, str | None]] = {}
        self.outline: dict[str, int] = {}
        self.default: str | None = None
        for style in root if root is not None else ():
            if local(style.tag) != "style" or wattr(style, "type") != "paragraph":
                continue
            style_id = wattr(style, "styleId") or ""
            self.names[style_id] = _val(style, "name") or style_id
            if wattr(style, "default") in ("1", "true"):
                self.default = style_id
            if (base := _val(style, "basedOn")) is not None:
                self.based_on[style_id] = base
            num_pr = _child(style, "pPr", "numPr")
            if num_pr is not None:
                self.num[style_id] = (_val(num_pr, "numId"), _val(num_pr, "ilvl"))
            if (level := _val(style, "pPr", "outlineLvl")) is not None:
                self.outline[style_id] = _int(level, 9)

    def _chain(self, style_id: str | None) -> list[str]:
        chain: list[str] = []
        while style_id is not None and style_id not in chain and len(chain) < 32:
            chain.append(style_id)
            style_id = self.based_on.get(style_id)
        return chain

    def style_id(self, paragraph: Element) -> str | None:
        return _val(paragraph, "pPr", "pStyle") or self.default

    def paragraph_style(self, paragraph: Element) -> str | None:
        style_id = self.style_id(paragraph)
        return self.names.get(style_id, style_id) if style_id else None

    def heading_level(self, name: str | None) -> int | None:
        if not name:
            return None
        if name.lower() == "title":
            return 0
        match = _HEADING.match(name)
        return int(match.group(1)) if match else None

    def numbering(self, style_id: str | None) -> tuple[str | None, str | None]:
        for candidate in self._chain(style_id):
            if candidate in self.num:
                return self.num[candidate]
        return None, None


@attrs.frozen
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    suffix: str = "\t"
    legal: bool = False  # isLgl: all placeholders shown as arabic numbers


def _roman(number: int) -> str:
    numerals = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = []
    for value, numeral in numerals:
        count, number = divmod(number, value)
        out.append(numeral * count)
    return "".join(out)


def _letters(number: int) -> str:
    # Word repeats the letter past z: aa, bb, ... rather than counting like spreadsheet columns.
    number = max(number, 1)
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def format_number(number: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        text = _letters(number)
        return text.upper() if fmt == "upperLetter" else text
    if fmt in ("lowerRoman", "upperRoman"):
        text = _roman(max(number, 1)) if number < 4000 else str(number)
        return text.upper() if fmt == "upperRoman" else text
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(number)


class Numbering:
    def __init__(self, root: Element | None, styles: Styles) -> None:
        self.styles = styles
        self.abstract: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[str] = set()
        for element in root if root is not None else ():
            tag = local(element.tag)
            if tag == "abstractNum":
                self.abstract[wattr(element, "abstractNumId") or ""] = self._levels(element)
            elif tag == "num":
                overrides = {
                    _int(wattr(o, "ilvl"), 0): _int(_val(o, "startOverride"), 1)
                    for o in element if local(o.tag) == "lvlOverride" and _child(o, "startOverride") is not None
                }
                self.nums[wattr(element, "numId") or ""] = (_val(element, "abstractNumId") or "", overrides)

    @staticmethod
    def _levels(element: Element) -> dict[int, Level]:
        levels: dict[int, Level] = {}
        for lvl in element:
            if local(lvl.tag) != "lvl":
                continue
            suffix = {"space": " ", "nothing": ""}.get(_val(lvl, "suff") or "tab", "\t")
            levels[_int(wattr(lvl, "ilvl"), 0)] = Level(
                fmt=_val(lvl, "numFmt") or "decimal",
                text=_val(lvl, "lvlText") or "",
                start=_int(_val(lvl, "start"), 1),
                suffix=suffix,
                legal=_child(lvl, "isLgl") is not None,
            )
        return levels

    def label(self, paragraph: Element, style: str | None) -> str | None:
        """The number Word shows before ``paragraph`` (advancing the counters), or None."""
        num_pr = _child(paragraph, "pPr", "numPr")
        style_num, style_level = self.styles.numbering(self.styles.style_id(paragraph))
        num_id = _val(num_pr, "numId") if num_pr is not None else None
        level_text = _val(num_pr, "ilvl") if num_pr is not None else None
        num_id = num_id if num_id is not None else style_num
        level = min(max(_int(level_text if level_text is not None else style_level, 0), 0), 8)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id)
        if not levels or level not in levels:
            return None
        counters = self.counters.setdefault(abstract_id, [None] * 9)
        if num_id not in self.started:
            self.started.add(num_id)
            for ilvl, start in overrides.items():
                if 0 <= ilvl < 9:
                    counters[ilvl] = start - 1
        current = counters[level]
        counters[level] = levels[level].start if current is None else current + 1
        for deeper in range(level + 1, 9):
            counters[deeper] = None
        definition = levels[level]
        if definition.fmt == "bullet":
            return None

        def placeholder(match: re.Match[str]) -> str:
            ilvl = int(match.group(1)) - 1
            spec = levels.get(ilvl, Level())
            value = counters[ilvl] if counters[ilvl] is not None else spec.start
            fmt = "decimal" if definition.legal and ilvl != level else spec.fmt
            return format_number(value or 0, fmt)

        text = _PLACEHOLDER.sub(placeholder, definition.text)
        return text + definition.suffix if text.strip() else None
