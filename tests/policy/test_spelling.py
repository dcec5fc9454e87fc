"""SCOWL's word lists hold the words of their size, in either spelling, and no others."""

from __future__ import annotations

from flagsite.policy.spelling import english_words


def test_the_common_list_holds_both_spellings_and_the_rarer_list_the_rarer_words() -> None:
    common, rarer = english_words(60), english_words(70)
    for word in ("a", "colour", "color", "kerb", "aluminium", "centred", "übermenschen"):
        assert word in common and word not in rarer
    for word in ("aahed", "haylage", "otoscopy", "stoped"):
        assert word in rarer and word not in common
    for absent in ("", "zzzzzz", "colourr", 60):
        assert absent not in common and absent not in rarer
    assert len(common) == len(set(common)) > 100_000
