"""SCOWL's word lists hold the words of their size, in either spelling, and no others."""

from __future__ import annotations

from flagsite.policy.spelling import english_words, web_words


def test_the_common_list_holds_both_spellings_and_the_rarer_list_the_rarer_words() -> None:
    common, rarer = english_words(60), english_words(70)
    for word in ("a", "colour", "color", "kerb", "aluminium", "centred", "übermenschen"):
        assert word in common and word not in rarer
    for word in ("aahed", "haylage", "otoscopy", "stoped"):
        assert word in rarer and word not in common
    for absent in ("", "zzzzzz", "colourr", 60):
        assert absent not in common and absent not in rarer
    assert len(common) == len(set(common)) > 100_000


def test_the_web_list_holds_words_the_dictionaries_lack_and_no_slip_of_a_common_word() -> None:
    web, common, rarer = web_words(), english_words(60), english_words(70)
    for word in ("katsu", "carnitas", "venmo", "xbox", "gmail", "kesha"):
        assert word in web
    for slip in ("recieve", "tommorow", "alot", "definately", "seperate", "occured", "shd", "goin"):
        assert slip not in web
    assert not any(word in common or word in rarer for word in web)
