"""Which lower-case defined terms stand for their definitions, as capitalised ones do.

Modern drafting capitalises its defined terms ("Covered Transaction"); a lower-case one is often an ordinary
word given a precise sense ("goods"), or a field of law whose definition lists all the field touches
("customs laws" means ... exportation ... restrictions ...): reading such a definition into every use would
find export controls in every customs chapter. Two kinds of lower-case term do carry their definitions:
a quoted term of several words coined for the instrument ("listed item" means ...), and, written without
quotes in a definitions article, one that names a thing a security chapter lists or reviews ("covered
transaction means ...").
"""

from __future__ import annotations

# What a lower-case term of several words names when it is a field of law, whose definition lists all that
# the field touches ("customs laws" means ... exportation ... restrictions ...; "intellectual property" ...
# layout-designs of integrated circuits): its words are no concept of the term.
FIELD_NOUNS = frozenset({"law", "laws", "legislation", "regulation", "regulations", "property", "right", "rights",
                         "procedure", "procedures", "matters", "authority", "authorities",
                         "duty", "duties", "tax", "taxes", "charge", "charges"})


# What an unquoted lower-case defined term of several words may name and still carry its definition: the
# things a security chapter lists, reviews or answers ("covered transaction means ...", "controlled item
# means ...", "third-country pressure means ...").
# Free trade agreements define dozens of others so ("nationals of another Party", "good regulatory
# practice"), whose definitions describe ordinary words.
LISTED_THINGS = frozenset({"transaction", "transactions", "item", "items", "good", "goods", "product", "products",
                           "mineral", "minerals", "material", "materials", "technology", "technologies",
                           "investment", "investments", "acquisition", "acquisitions", "economy", "economies",
                           "country", "countries", "pressure", "coercion", "measure", "measures"})


def head(term: str) -> str:
    """The noun a defined term names: the word before "of" ("investor of a Party"), else the last word."""
    words = term.lower().split()
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


def coined(term: str) -> bool:
    """A lower-case term of several words coined for the instrument ("listed item", "covered transaction",
    "person of a non-Party"), which carries its definition as a capitalised one does, unlike a single word
    ("goods") or a field of law ("customs laws")."""
    words = term.lower().split()
    return len(words) > 1 and words[-1] not in FIELD_NOUNS


def names_listed_thing(term: str) -> bool:
    """A coined lower-case term for a thing a security chapter lists or reviews ("controlled item")."""
    return coined(term) and head(term) in LISTED_THINGS
