"""Reading a whole string as one clause id (qa/understand/lookup.py): a year beside an article picks the version
of that year; the clause browser's own link pasted back opens its clause."""


def test_a_year_beside_an_article_picks_the_version_of_that_year(library):
    from qa.understand.lookup import resolve_clause_id

    assert resolve_clause_id("Article 17 2020", library) == "sme-payment-regulation-2020/article-17"
    assert resolve_clause_id("2020 Article 8", library) == "sme-payment-regulation-2020/article-8"


def test_the_clause_browsers_own_link_pasted_back_opens_its_clause(library):
    from qa.understand.lookup import resolve_clause_id

    link = "http://127.0.0.1:7860/?clause=sme-payment-regulation-2025/article-17&lang=zh"
    assert resolve_clause_id(link, library) == "sme-payment-regulation-2025/article-17"
    assert resolve_clause_id("https://example.org/?clause=suifuban-2007-42%2Fmeasure-12&lang=en", library) \
        == "suifuban-2007-42/measure-12"
