"""UK/US spelling, as data, and the word-level fold built on it.

Document text and ruleset phrases are folded the same way, so a rule only has to avoid folding two
*different* words together; over-folding a word nobody spells two ways is harmless. Canonical forms are
chosen so that a natural wildcard stem keeps working: "-ise" (``organis*`` matches organisation and
organization), "-or" (``labor*``), "centre" (``centr*`` also matches central).
"""

from __future__ import annotations

import re
from functools import cache


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# canonical: variants
_WORD_GROUPS: dict[str, tuple[str, ...]] = {
    "program": ("programme",), "programs": ("programmes",),
    "defense": ("defence",), "defenses": ("defences",),
    "license": ("licence",), "licenses": ("licences",), "licensed": ("licenced",),
    "offense": ("offence",), "offenses": ("offences",), "pretense": ("pretence",),
    "centre": ("center",), "centres": ("centers",), "centred": ("centered",), "centring": ("centering",),
    "metre": ("meter",), "metres": ("meters",), "litre": ("liter",), "litres": ("liters",),
    "fibre": ("fiber",), "fibres": ("fibers",), "theatre": ("theater",), "calibre": ("caliber",),
    "dialog": ("dialogue",), "dialogs": ("dialogues",), "catalog": ("catalogue",),
    "catalogs": ("catalogues",), "cataloged": ("catalogued",), "analog": ("analogue",),
    "analogs": ("analogues",), "judgment": ("judgement",), "judgments": ("judgements",),
    "acknowledgment": ("acknowledgement",), "acknowledgments": ("acknowledgements",),
    "fulfill": ("fulfil",), "fulfills": ("fulfils",), "fulfillment": ("fulfilment",),
    "enrollment": ("enrolment",), "enrollments": ("enrolments",), "installment": ("instalment",),
    "installments": ("instalments",), "skillful": ("skilful",), "willful": ("wilful",),
    "aluminum": ("aluminium",), "sulfur": ("sulphur",), "aging": ("ageing",),
    "practice": ("practise",), "practiced": ("practised",), "practicing": ("practising",),
    "practices": ("practises",),
}  # fmt: skip
# Verbs ending in an unstressed -el/-al, which UK spelling doubles before a suffix (travelled).
L_DOUBLING = _words(
    "travel cancel label model level signal fuel counsel channel tunnel marvel panel parcel quarrel dial "
    "total equal jewel libel rival pedal shovel initial refuel remodel relabel marshal funnel unravel "
    "grovel enamel bevel chisel duel gravel yodel"
)
SPELLING: dict[str, str] = {
    **{variant: canonical for canonical, variants in _WORD_GROUPS.items() for variant in variants},
    **{
        f"{base}l{suffix}": f"{base}{suffix}"
        for base in sorted(L_DOUBLING)
        for suffix in ("ed", "ing", "er", "ers", "or", "ors")
    },
}
# Words in -our that are not UK spellings of an -or word.
OUR_KEEP = _words(
    "our four hour your tour pour sour flour dour contour detour devour velour amour paramour troubadour scour"
)
# Words in -ize that are not US spellings of an -ise word.
IZE_KEEP = _words("size seize prize maize baize capsize downsize resize oversize upsize outsize assize")
# Prefixes whose hyphen survives a line break ("non-/market" stays "non-market").
KEEP_HYPHEN = _words(
    "non dual anti self cross co multi pre post inter intra extra semi quasi well third long short "
    "high low medium small large state sub super ex"
)

_OUR_SUFFIX = "s|ed|ing|ite|ites|ful|less|able|ably|er|ers|al|ally|ism|ist|ists"
_IZE_SUFFIX = "e|es|ed|ing|er|ers|ation|ations|ational|able|ement|ements"
_OUR_WORD = re.compile(rf"([a-z]*)our((?:{_OUR_SUFFIX})?)")
_IZE_WORD = re.compile(rf"([a-z]+)(iz|yz)({_IZE_SUFFIX})")


@cache
def fold_word(word: str) -> str:
    """The canonical spelling of one lowercase word (unchanged when no rule applies)."""
    if word in SPELLING:
        return SPELLING[word]
    match = _OUR_WORD.fullmatch(word)
    if match and match[1] + "our" not in OUR_KEEP:
        return f"{match[1]}or{match[2]}"
    match = _IZE_WORD.fullmatch(word)
    if match and match[1] + match[2] + "e" not in IZE_KEEP:
        return f"{match[1]}{'is' if match[2] == 'iz' else 'ys'}{match[3]}"
    return word


def fold_stem(stem: str) -> str:
    """Fold the part of a wildcard word before ``*`` so it still prefixes the folded full words."""
    if stem in SPELLING:
        return SPELLING[stem]
    if stem.endswith("our") and stem not in OUR_KEEP:
        return stem[:-3] + "or"
    for variant, canonical in (("izat", "isat"), ("iz", "is"), ("yz", "ys")):
        if stem.endswith(variant) and stem[: -len(variant)] + variant[:2] + "e" not in IZE_KEEP:
            return stem[: -len(variant)] + canonical
    if stem.endswith("ll") and stem[:-1] in L_DOUBLING:
        return stem[:-1]
    if len(stem) >= 5 and stem.endswith("e") and stem[-2] not in "aeiouy" \
            and not (stem.endswith("re") and stem[-3] not in "aeiou"):  # "centre*" is not "central"
        # "change*" continues into "changing" too: the stem before its silent e prefixes every form
        return stem[:-1]
    return stem
