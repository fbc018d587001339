"""A year typed beside an article number picks the version of that year (qa/understand/lookup.py)."""


def test_a_year_beside_an_article_picks_the_version_of_that_year(library):
    from qa.understand.lookup import resolve_clause_id

    assert resolve_clause_id("Article 17 2020", library) == "sme-payment-regulation-2020/article-17"
    assert resolve_clause_id("2020 Article 8", library) == "sme-payment-regulation-2020/article-8"
