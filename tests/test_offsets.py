from __future__ import annotations

from bisect import bisect_left

from hypothesis import given, settings
from hypothesis import strategies as st

from esa_rules.normalize import fold

pieces = st.sampled_from(["a", "B", " ", "  ", "\n", "\t", "ﬁ", "ﬀ", "—", "“", "-\n", "7", "our ", "ise ", "x"])


@settings(max_examples=300, deadline=None)
@given(st.lists(pieces, max_size=40).map("".join))
def test_folded_offset_inverts_origin(text: str) -> None:
    """The engine maps unit boundaries into folded text with folded_offset; it must equal bisection."""
    origin = fold(text).origin
    for offset in range(len(text) + 1):
        assert origin.folded_offset(offset) == bisect_left(origin, offset)
