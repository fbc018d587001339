"""The bundled library: eight documents, their facts, statuses, versions and clauses."""

from __future__ import annotations

import json
import shutil

import pytest

from qa.errors import CorpusError
from qa.ingest.library import load_library


def test_eight_documents_with_status(library):
    status = {d.id: d.info.status for d in library.documents}
    assert len(status) == 8
    assert status["sme-payment-regulation-2020"] == "superseded"
    assert status["suifuban-2007-42"] == "historical"
    assert sum(s == "in_force" for s in status.values()) == 6
    old = library.info("sme-payment-regulation-2020")
    assert (old.superseded_by, old.superseded_from) == ("sme-payment-regulation-2025", "2025-06-01")
    assert library.info("sme-payment-regulation-2025").supersedes == "sme-payment-regulation-2020"


def test_dates_and_numbers_come_from_the_text_or_stay_unknown(library):
    info = library.info("private-economy-promotion-law-2025")
    assert info.dates == {"adopted": "2025-04-30", "effective": "2025-05-20"}
    assert info.doc_number is None  # not in the source: never invented
    assert library.info("sme-payment-regulation-2025").doc_number == "国务院令第802号"
    assert library.info("suifuban-2007-42").dates["signed"] == "2007-10-11"
    assert library.info("guangdong-sme-promotion-regulation-2019").dates["revised"] == "2019-09-25"


def test_clause_ids_are_qualified_and_unique(library):
    ids = library.ids
    assert len(ids) == len(set(ids)) == 398
    assert library.clause("suifuban-2007-42/measure-12").leads == ("市经贸委", "市科技局")
    article = library.clause("sme-payment-regulation-2025/article-9")
    assert article.id == "sme-payment-regulation-2025/article-9"
    assert [p.id for p in article.parts] == ["article-9.p1", "article-9.p2", "article-9.p3", "article-9.p4"]
    assert "30日" in article.parts[0].text_zh and article.parts[0].label == "第一款"


def test_every_clause_has_english(library):
    missing = [c.id for c in library.clauses for s in c.sentences if not s.en]
    assert missing == []
    assert all(d.info.title_en for d in library.documents)


def test_no_warnings_beyond_the_known_ones(library):
    for d in library.documents:
        unexpected = [w for w in d.info.warnings if "table of contents" not in w]
        assert unexpected == [], d.id


def _copy(tmp_path, library):
    root = tmp_path / "corpus"
    shutil.copytree(library.root, root, ignore=shutil.ignore_patterns("__pycache__", "__init__.py"))
    return root


def _edit_json(path, change) -> None:
    """Read a JSON file of the copied library, let ``change`` edit it in place, write it back."""
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize(("doc_id", "change", "message"), [
    ("private-economy-promotion-law-2025", lambda meta: meta["dates"].update(effective="2025-06-20"),
     "effective 2025-06-20 but the text says 2025-05-20"),
    # Who is in charge today must be a clause of the library that names that body.
    ("suifuban-2007-42",
     lambda meta: meta["current_contact"].update(clause="guangzhou-private-economy-regulation-2024/article-4"),
     "current_contact .* must be a clause of the library that names"),
    # So must the body a document's own text puts in charge of it.
    ("guangzhou-private-economy-regulation-2024", lambda meta: meta["in_charge"].update(clause="article-4"),
     "in_charge 'article-4' must be a clause of this document that names"),
])
def test_metadata_that_contradicts_the_texts_is_refused(tmp_path, library, doc_id, change, message):
    root = _copy(tmp_path, library)
    _edit_json(root / doc_id / "document.json", change)
    with pytest.raises(CorpusError, match=message):
        load_library(root)


def test_broken_version_link_and_bad_enums_are_refused(tmp_path, library):
    root = _copy(tmp_path, library)
    meta_path = root / "sme-payment-regulation-2025" / "document.json"
    _edit_json(meta_path, lambda meta: meta.update(supersedes=None))
    with pytest.raises(CorpusError, match="does not name it"):
        load_library(root)
    _edit_json(meta_path, lambda meta: meta.update(supersedes="sme-payment-regulation-2020", level="galactic"))
    with pytest.raises(CorpusError, match="level 'galactic'"):
        load_library(root)


def test_edited_translation_that_no_longer_aligns_is_refused(tmp_path, library):
    root = _copy(tmp_path, library)
    _edit_json(root / "sme-promotion-law-2017" / "translation_en.json",
               lambda data: data["sentences"]["article-1"][0].update(zh=data["sentences"]["article-1"][0]["zh"] + "多了几个字"))
    with pytest.raises(CorpusError, match="article-1: the Chinese sentences"):
        load_library(root)
