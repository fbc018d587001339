"""The sittings a law's dated header lines name (qa/ingest/document.py SITTING_RE) and their English (documents.py)."""

from qa.answer.handlers.documents import sitting_line


def test_each_dated_header_line_gives_its_sitting(library):
    info = library.info("guangzhou-private-economy-regulation-2024")
    assert info.sittings == {"adopted": "广州市第十六届人民代表大会常务委员会第二十二次会议",
                             "approved": "广东省第十四届人民代表大会常务委员会第九次会议"}
    assert library.info("suifuban-2007-42").sittings == {}  # a work plan's header names no sitting


def test_a_sitting_in_english_has_its_ordinals():
    assert sitting_line("adopted", "第十二届全国人民代表大会常务委员会第二十九次会议", "en") == \
        "adopted at the 29th session of the Standing Committee of the 12th National People's Congress"
    assert sitting_line("revised", "广东省第十三届人民代表大会常务委员会第十一次会议", "en").startswith("revised at the 11th session")
    assert sitting_line("adopted", "广州市第十六届人民代表大会常务委员会第二十二次会议", "zh") == \
        "广州市第十六届人民代表大会常务委员会第二十二次会议通过"
