"""The clause browser's rows (qa/serve/browse.py) over the bundled library: numbers in every form, words, roles."""

from qa.serve.browse import ClauseBrowser, numeral


def _ids(browser, query, doc="all", dept="all", role="any"):
    return [row[-1] for row in browser.rows(query, doc, dept, role, "zh")]


def test_a_bare_number_finds_every_documents_clause_of_that_number(library):
    browser = ClauseBrowser(library)
    for typed in ("十二", "12", "１２"):
        ids = _ids(browser, typed)
        assert "suifuban-2007-42/measure-12" in ids and "guangzhou-private-economy-regulation-2024/article-12" in ids
        assert all(i.endswith(("article-12", "measure-12")) for i in ids)


def test_words_are_all_required(library):
    browser = ClauseBrowser(library)
    ids = _ids(browser, "逾期利息 万分之五")
    assert ids and all("万分之五" in library.clause(i).text_zh and "逾期利息" in library.clause(i).text_zh for i in ids)
    assert _ids(browser, "逾期利息 火星") == []


def test_a_word_beside_a_reference_narrows_it_by_document(library):
    ids = _ids(ClauseBrowser(library), "第十二条 广州")
    assert "guangzhou-private-economy-regulation-2024/article-12" in ids
    assert "sme-promotion-law-2017/article-12" not in ids


def test_a_number_no_clause_has_is_searched_as_text(library):
    ids = _ids(ClauseBrowser(library), "2010")
    assert ids and all("2010" in library.clause(i).text_zh for i in ids)


def test_a_department_leading_one_part_and_cooperating_on_another_is_in_both_columns(library):
    row = next(r for r in ClauseBrowser(library).rows("", "suifuban-2007-42", "all", "any", "zh")
               if r[-1] == "suifuban-2007-42/measure-34")
    assert "市民营办" in row[3] and "市民营办" in row[4] and "市工商联" in row[4]


def test_numeral_reads_numbers_only():
    assert numeral("十二") == 12 and numeral("12") == 12 and numeral("广州") is None


def test_an_abbreviated_reference_is_one_reference_and_a_year_narrows_it(library):
    browser = ClauseBrowser(library)
    ids = _ids(browser, "Art. 9")
    assert "sme-payment-regulation-2025/article-9" in ids and all(i.endswith(("article-9", "measure-9")) for i in ids)
    assert _ids(browser, "Art. 9 2020") == ["sme-payment-regulation-2020/article-9"]


def test_english_words_match_whole_words_or_their_plurals(library):
    browser = ClauseBrowser(library)
    # "late" is no match inside "regulate", so the general articles drop out; late-payment interest stays.
    assert sorted(_ids(browser, "late payment interest")) == ["sme-payment-regulation-2020/article-15",
                                                              "sme-payment-regulation-2025/article-17"]
    assert "sme-promotion-law-2017/article-21" in _ids(browser, "guarantee")  # its text says "guarantees"
