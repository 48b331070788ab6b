"""The ruleset AST as JSON and back, generically over the attrs classes of ``esa_rules.dsl.ast``.

Used by the ruleset cache. JSON is chosen because reading it cannot run code: the decoder builds only
classes from an explicit registry (the attrs classes defined in ``dsl/ast.py``, found by looking, so a
node type added there works without touching this module), and anything else in the data is an error.

Encoding:

- an attrs node is an object ``{"$c": "ClassName", "field": value, ...}`` with every field that
  ``__init__`` takes, including those left out of equality (source positions, warnings), except those
  that hold their default;
- a node met a second time (the same object: a define's resolved ``Named`` node used by ten provisions,
  a ``TermsDef`` both in ``Ruleset.terms`` and in its source file) is ``{"$r": n}``: n counts the nodes
  in the order their encoding is finished, which is the order ``json``'s ``object_hook`` rebuilds them,
  so sharing survives the round trip;
- a tuple is a list; a dict is ``{"$m": [[key, value], ...]}``; str, int, float, bool and None are
  themselves. Any other value is refused when encoding, so a new field of an unsupported type fails the
  round-trip test instead of silently changing meaning.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from typing import Any

import attrs

from esa_rules.dsl import ast

_CLASS, _REF, _MAP = "$c", "$r", "$m"


class DecodeError(ValueError):
    """The data is not an encoded AST of this version (corrupt, hand-edited or from other code)."""


@cache
def node_classes() -> Mapping[str, type]:
    """Every attrs class defined in ``esa_rules.dsl.ast``, by name: the only classes decoding may build."""
    return {name: value for name, value in vars(ast).items()
            if isinstance(value, type) and attrs.has(value) and value.__module__ == ast.__name__}


@cache
def _fields(name: str) -> tuple[tuple[str, str], ...]:
    """(attribute name, ``__init__`` argument name) of each field of node class ``name``; a field
    ``__init__`` does not take could not be restored, so such a class is refused, not rebuilt wrongly."""
    cls = node_classes()[name]
    fields = attrs.fields(cls)
    if not all(f.init for f in fields):
        raise TypeError(f"{cls.__name__} has a field that __init__ does not take; it cannot be cached")
    return tuple((f.name, f.alias or f.name) for f in fields)


_NO_DEFAULT = object()


@cache
def _defaults(name: str) -> tuple[object, ...]:
    """Each field's plain default (a factory's counts as none): a value equal to it is left out of the
    encoding, which makes entries about a third smaller and quicker to read."""
    return tuple(f.default if f.default is not attrs.NOTHING and not hasattr(f.default, "takes_self")
                 else _NO_DEFAULT for f in attrs.fields(node_classes()[name]))


class _Encoder:
    def __init__(self) -> None:
        self.classes = node_classes()
        self.done: dict[int, int] = {}  # id(node) -> its number
        self.alive: list[Any] = []  # keeps every numbered node alive, so no id is reused meanwhile

    def value(self, value: Any) -> Any:
        if value is None or isinstance(value, (str, bool, int, float)):
            return value
        if isinstance(value, tuple):
            return [self.value(item) for item in value]
        if isinstance(value, dict):
            if not all(isinstance(key, str) for key in value):
                raise TypeError("only dicts with string keys can be encoded")
            return {_MAP: [[key, self.value(item)] for key, item in value.items()]}
        cls = type(value)
        if self.classes.get(cls.__name__) is not cls:
            raise TypeError(f"cannot encode a {cls.__module__}.{cls.__qualname__}")
        number = self.done.get(id(value))
        if number is not None:
            return {_REF: number}
        encoded: dict[str, Any] = {_CLASS: cls.__name__}
        for (name, _), default in zip(_fields(cls.__name__), _defaults(cls.__name__), strict=True):
            item = getattr(value, name)
            if default is _NO_DEFAULT or type(item) is not type(default) or item != default:
                encoded[name] = self.value(item)
        self.done[id(value)] = len(self.alive)
        self.alive.append(value)
        return encoded


def encode(node: Any) -> str:
    """``node`` (an AST node, or a tuple/dict of them) as compact JSON."""
    return json.dumps(_Encoder().value(node), ensure_ascii=False, separators=(",", ":"))


def _tuples(value: Any) -> Any:
    return tuple(_tuples(item) for item in value) if isinstance(value, list) else value


@cache
def _shape(name: str) -> tuple[tuple[tuple[str, str], ...], frozenset[str]]:
    """The fields of node class ``name`` and the keys its encoding may have."""
    fields = _fields(name)
    return fields, frozenset([_CLASS, *(name for name, _ in fields)])


class _Decoder:
    def __init__(self) -> None:
        self.classes = node_classes()
        self.built: list[Any] = []

    def hook(self, data: dict[str, Any]) -> Any:
        """Called by ``json`` for every object, innermost first, in document order."""
        cls = self.classes.get(data.get(_CLASS))  # type: ignore[arg-type]
        if cls is not None:
            fields, keys = _shape(cls.__name__)
            if not data.keys() <= keys:
                raise DecodeError(f"fields of {cls.__name__} differ from this version's")
            try:
                node = cls(**{alias: _tuples(data[name]) for name, alias in fields if name in data})
            except (TypeError, ValueError) as error:
                raise DecodeError(f"cannot rebuild {cls.__name__}: {error}") from None
            self.built.append(node)
            return node
        if _REF in data:
            number = data[_REF]
            if len(data) != 1 or not isinstance(number, int) or not 0 <= number < len(self.built):
                raise DecodeError(f"bad node reference {data!r:.80}")
            return self.built[number]
        if _MAP in data:
            pairs = data[_MAP]
            if len(data) != 1 or not isinstance(pairs, list) or \
                    not all(isinstance(p, list) and len(p) == 2 and isinstance(p[0], str) for p in pairs):
                raise DecodeError("bad mapping")
            return {key: _tuples(item) for key, item in pairs}
        raise DecodeError(f"not an encoded node: {data!r:.80}")


def decode(text: str | bytes) -> Any:
    """The value ``encode`` was given, rebuilt; ``DecodeError`` for anything else."""
    try:
        return json.loads(text, object_hook=_Decoder().hook)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as error:
        raise DecodeError(f"not valid JSON: {error}") from None
