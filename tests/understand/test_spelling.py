from __future__ import annotations

from qa.understand.spelling import SpellCorrector

TEXTS = ["The loan guarantee system shall take effect.", "government departments and enterprises",
         "individual industrial and commercial households"]


def test_misspelt_words_are_corrected_towards_the_librarys_words():
    sp = SpellCorrector(TEXTS)
    assert sp.correct("when does it take efect") == "when does it take effect"
    assert sp.correct("a loan guarentee from the goverment") == "a loan guarantee from the government"
    assert sp.correct("guaratnee") == "guarantee"  # two neighbours swapped: one edit


def test_english_words_chinese_and_short_words_are_left_alone():
    sp = SpellCorrector(TEXTS)
    # Real English words the library never uses stay as typed (chapters is no misspelt "chambers").
    assert sp.correct("how many chapters? the police, a typhoon") == "how many chapters? the police, a typhoon"
    assert sp.correct("担保 efect 12") == "担保 effect 12"
    assert sp.correct("efct") == "efct"  # too short to guess
    assert sp.correct("getihu") == "getihu"  # nothing near it: left for the synonyms
