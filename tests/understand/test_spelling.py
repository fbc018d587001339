from __future__ import annotations

from qa.understand.spelling import HomophoneCorrector, SpellCorrector

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


ZH_TEXTS = ["大型企业不得拖欠中小企业款项。"] * 5 + ["受理投诉部门应当及时处理投诉，逾期利息按约定支付。"] * 5 \
    + ["政府及其有关部门应当加强经济组织服务。"] * 5


def test_same_sounding_chinese_typos_become_the_librarys_words():
    hc = HomophoneCorrector(ZH_TEXTS)
    assert hc.correct("大企页拖前中小企页的款项") == "大企业拖欠中小企业的款项"
    assert hc.correct("头诉找谁") == "投诉找谁"


def test_real_words_and_pairs_across_words_are_left_alone():
    hc = HomophoneCorrector(ZH_TEXTS)
    # 府机 sounds like the library's 府及, 收利 like 受理, but each straddles two real words.
    assert hc.correct("政府机关欠我工程款，可以收利息吗") == "政府机关欠我工程款，可以收利息吗"
    assert hc.correct("上海有什么政策") == "上海有什么政策"  # a word jieba knows, though the library never says it
    assert hc.correct("hello 12") == "hello 12"
