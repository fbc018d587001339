"""The index folder: manifest, atomic publish, and refusal of anything stale, corrupt or foreign."""

from __future__ import annotations

import hashlib
import json

import faiss
import numpy as np
import pytest

from qa.errors import IndexStateError
from qa.index.embed import HashingEncoder
from qa.index.store import build_index, current_build, load_index


@pytest.fixture()
def built(tmp_path, library):
    enc = HashingEncoder(dim=32)
    folder = build_index(library, [enc], tmp_path)
    return tmp_path, folder, enc


def test_index_folder_and_manifest(built, library):
    root, folder, enc = built
    assert current_build(root) == folder.resolve()
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["library"]["corpus_hash"] == library.corpus_hash
    assert [d["id"] for d in manifest["library"]["documents"]] == library.doc_ids
    assert manifest["metric"] == "inner_product" and manifest["normalized"] is True
    assert manifest["channels"]["bm25-zh-clause"]["storage"] == "scipy.sparse.csc"
    assert set(manifest["files"]) == {p.name for p in folder.iterdir()} - {"manifest.json"}
    assert isinstance(faiss.read_index(str(folder / "dense-0.faiss")), faiss.IndexFlatIP)
    assert load_index(library, [enc], root).clause_ids == library.ids


def test_rebuild_swaps_atomically_and_cleans_old_builds(built, library):
    root, first, enc = built
    second = build_index(library, [enc], root)
    assert current_build(root) == second.resolve() and not first.exists()
    assert not [p for p in root.iterdir() if p.name.startswith(".tmp-")]


def test_other_encoder_is_refused_with_the_fix(built, library):
    root, _folder, _enc = built
    with pytest.raises(IndexStateError, match="built for hashing-32.*configured with hashing-16.*qa build-index"):
        load_index(library, [HashingEncoder(dim=16)], root)


def test_a_changed_library_is_named(built, library):
    root, folder, enc = built
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["library"]["corpus_hash"] = "0" * 64
    manifest["library"]["documents"][0]["hash"] = "x"
    manifest["library"]["documents"].append({"id": "gone-document", "hash": "y", "clauses": 1})
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexStateError, match=r"another version of the library \(removed gone-document, changed "):
        load_index(library, [enc], root)


@pytest.mark.parametrize("name", ["dense-0.faiss", "bm25-zh-clause.weights.npz", "units.json"])
def test_corrupt_files_are_refused(built, library, name):
    root, folder, enc = built
    path = folder / name
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(IndexStateError, match=f"{name} is corrupt"):
        load_index(library, [enc], root)


def test_truncated_manifest_and_missing_index(built, library, tmp_path_factory):
    root, folder, enc = built
    (folder / "manifest.json").write_text('{"format_version": 2, "libr', encoding="utf-8")
    with pytest.raises(IndexStateError, match="unreadable"):
        load_index(library, [enc], root)
    with pytest.raises(IndexStateError, match="no index"):
        load_index(library, [enc], tmp_path_factory.mktemp("empty"))


def test_faiss_file_of_another_dimension_is_refused_explicitly(built, library):
    root, folder, enc = built
    other = faiss.IndexFlatIP(48)
    other.add(np.eye(48, dtype=np.float32)[:5])
    faiss.write_index(other, str(folder / "dense-0.faiss"))
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"]["dense-0.faiss"] = hashlib.sha256((folder / "dense-0.faiss").read_bytes()).hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexStateError, match="dimension 48 but hashing-32 gives 32"):
        load_index(library, [enc], root)


def test_assistant_rebuilds_a_stale_index_when_allowed(built):
    from qa.assistant import Assistant, AssistantConfig

    root, folder, _enc = built
    (folder / "units.json").write_text("{}", encoding="utf-8")
    config = AssistantConfig(index_dir=root, encoders=("hashing-32",), weights={"bm25-zh": 1.0, "dense-0": 1.0},
                             auto_build=False, warm_up=False)
    with pytest.raises(IndexStateError, match="corrupt"):
        Assistant(config)
    messages = []
    bot = Assistant(AssistantConfig(index_dir=root, encoders=("hashing-32",), weights={"bm25-zh": 1.0}, warm_up=False),
                    progress=messages.append)
    assert any("building" in m for m in messages)
    assert bot.search("融资担保", k=3).hits


def test_changed_user_dictionary_is_refused(tmp_path, library):
    import shutil

    from qa.ingest.library import load_library

    root = tmp_path / "corpus"
    shutil.copytree(library.root, root, ignore=shutil.ignore_patterns("__pycache__", "__init__.py"))
    lib = load_library(root)
    enc = HashingEncoder(dim=32)
    build_index(lib, [enc], tmp_path / "index")
    (root / "terms.txt").write_text((root / "terms.txt").read_text(encoding="utf-8") + "\n创业孵化券\n", encoding="utf-8")
    with pytest.raises(IndexStateError, match="another jieba user dictionary.*qa build-index"):
        load_index(load_library(root), [enc], tmp_path / "index")


def test_changed_stop_words_make_the_index_stale(tmp_path, library, monkeypatch):
    import qa.index.store as store

    enc = HashingEncoder(dim=32)
    build_index(library, [enc], tmp_path / "index")
    monkeypatch.setattr(store, "EN_STOPWORDS", store.EN_STOPWORDS | {"subsidy"})
    with pytest.raises(IndexStateError, match="other stop words.*qa build-index"):
        load_index(library, [enc], tmp_path / "index")


def test_a_library_without_english_still_builds(tmp_path, library):
    """Only documents ingested without a rendering: the English-only encoder gets nothing to encode."""
    import shutil

    from qa.index.embed import HashingEncoder as Hashing
    from qa.ingest.library import load_library

    root = tmp_path / "corpus"
    root.mkdir()
    for name in ("departments.json", "scope_cues.json", "terms.txt"):
        shutil.copy(library.root / name, root / name)
    folder = root / "sme-promotion-law-2017"
    shutil.copytree(library.root / "sme-promotion-law-2017", folder)
    (folder / "translation_en.json").unlink()
    lib = load_library(root)
    english_only = Hashing(dim=16)
    english_only.views = ("en",)
    build_index(lib, [english_only], tmp_path / "index")
    assert load_index(lib, [english_only], tmp_path / "index").dense[0][1].ntotal == 0
