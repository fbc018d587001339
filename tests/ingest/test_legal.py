"""The article parser on the seven laws and regulations, and on broken texts."""

from __future__ import annotations

import pytest

from qa.errors import ParseError
from qa.ingest.legal import parse_articles
from qa.ingest.parse import detect_structure, parse

LAW = """# 示例条例

2024年1月2日 某某会议通过

<!-- INFO END -->

## 第一章 总 则

第一条 为了示范，制定本条例。

第二条 本条例所称企业，是指依法设立的企业。

企业应当依法经营。

## 第二章 附 则

第三条 有下列情形之一的，依法处理：

（一）拖欠款项；

（二）拒不改正。

第四条 本条例自2024年5月1日起施行。
"""

EXPECTED = {  # doc id: (chapters, articles, TOC warnings)
    "sme-promotion-law-2017": (10, 61, 0), "private-economy-promotion-law-2025": (9, 78, 0),
    "sme-payment-regulation-2025": (5, 37, 0), "sme-payment-regulation-2020": (0, 29, 0),
    "individual-business-regulation-2022": (0, 39, 0), "guangdong-sme-promotion-regulation-2019": (10, 67, 10),
    "guangzhou-private-economy-regulation-2024": (7, 41, 0),
}


def test_small_law_structure_dates_and_parts():
    doc = parse_articles(LAW)
    assert doc.title == "示例条例" and doc.structure == "articles"
    assert [c for c, _line in doc.chapters] == ["第一章 总则", "第二章 附则"]
    assert [it.id for it in doc.items] == ["article-1", "article-2", "article-3", "article-4"]
    assert doc.items[1].text == "本条例所称企业，是指依法设立的企业。\n企业应当依法经营。"
    kinds = [(ln.kind, ln.paragraph, ln.item) for ln in doc.items[2].lines]
    assert kinds == [("paragraph", 1, None), ("item", 1, 1), ("item", 1, 2)]
    assert {(e.action, e.date) for e in doc.events} == {("adopted", "2024-01-02"), ("effective", "2024-05-01")}
    assert doc.items[0].group_path == ("第一章 总则",)


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_every_library_law_parses_completely(doc_id):
    text = open(f"corpus/{doc_id}/source.txt", encoding="utf-8").read()
    doc = parse(text)
    chapters, articles, toc = EXPECTED[doc_id]
    assert (len(doc.chapters), len(doc.items)) == (chapters, articles)
    assert [it.number for it in doc.items] == list(range(1, articles + 1))
    assert sum("table of contents" in w.message for w in doc.warnings) == toc
    # Nothing of the body is lost: every article line of the source is in some article.
    body = {line.strip() for line in text.splitlines() if line.strip().startswith("第") and "条 " in line[:8]}
    joined = "\n".join(f"{it.text}" for it in doc.items)
    assert all(line.split(" ", 1)[1] in joined for line in body)


def test_toc_duplicates_name_their_lines():
    doc = parse(open("corpus/guangdong-sme-promotion-regulation-2019/source.txt", encoding="utf-8").read())
    toc = [w for w in doc.warnings if "table of contents" in w.message]
    assert [w.line for w in toc] == [11, 13, 15, 17, 19, 21, 23, 25, 27, 29]
    assert "repeats line 31" in toc[0].message


@pytest.mark.parametrize(("broken", "message", "line"), [
    (LAW.replace("第三条 有下列", "第五条 有下列"), "article number jumps", 17),
    (LAW.replace("第三条 有下列", "第二条 有下列"), "article number repeats", 17),
    (LAW.replace("第四条 本条例自2024年5月1日起施行。", "第四条"), "has no text", 23),
    (LAW.replace("## 第二章 附 则", "## 第三章 附 则"), "out of order", 15),
    (LAW.replace("<!-- INFO END -->\n", "<!-- INFO END -->\n\n一段没有条号的文字\n"), "text outside any article", 7),
    (LAW.replace("## 第二章 附 则", "## 附录"), "neither 第X章 nor 第X节", 15),
])
def test_broken_laws_are_refused_with_line(broken, message, line):
    with pytest.raises(ParseError) as err:
        parse_articles(broken)
    assert message in str(err.value)
    assert err.value.line == line


def test_no_articles_empty_and_shapeless_texts():
    with pytest.raises(ParseError, match="empty"):
        parse("")
    with pytest.raises(ParseError, match="neither articles"):
        detect_structure("# 标题\n\n这里只有一段话。")
    with pytest.raises(ParseError, match="no articles"):
        parse_articles("# 标题\n\n这里只有一段话。")


def test_crlf_bom_and_full_width_numbers():
    text = "\ufeff" + LAW.replace("第二条", "第２条").replace("\n", "\r\n")
    doc = parse_articles(text)
    assert [it.number for it in doc.items] == [1, 2, 3, 4]
    assert doc.title == "示例条例"


def test_stray_bracket_in_header_is_a_warning_with_line():
    doc = parse_articles(LAW.replace("某某会议通过", "某某会议通过）"))
    assert any(w.line == 3 and "unbalanced bracket" in w.message for w in doc.warnings)
