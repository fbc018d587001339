from __future__ import annotations

import json

import faiss
import numpy as np
import pytest

from qa.embed import HashingEncoder
from qa.errors import IndexStateError
from qa.index import build_index, current_build, load_index


@pytest.fixture()
def built(tmp_path, corpus):
    enc = HashingEncoder(dim=32)
    folder = build_index(corpus, [enc], tmp_path)
    return tmp_path, folder, enc


def test_index_folder_and_manifest(built, corpus):
    root, folder, enc = built
    assert current_build(root) == folder.resolve()
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["corpus_hash"] == corpus.corpus_hash
    assert manifest["metric"] == "inner_product" and manifest["normalized"] is True
    assert manifest["encoders"] == [{"name": "hashing-32", "dim": 32, "views": ["zh", "en"]}]
    assert set(manifest["files"]) == {p.name for p in folder.iterdir()} - {"manifest.json"}
    assert {"faiss-cpu", "jieba", "numpy"} <= set(manifest["versions"])
    assert "jieba" in manifest["tokenizers"]["zh"]
    index = faiss.read_index(str(folder / "dense-0.faiss"))
    assert isinstance(index, faiss.IndexFlatIP) and index.d == 32
    loaded = load_index(corpus, [enc], root)
    assert loaded.clause_ids == corpus.ids


def test_rebuild_swaps_atomically_and_cleans_old_builds(built, corpus):
    root, first, enc = built
    second = build_index(corpus, [enc], root)
    assert current_build(root) == second.resolve()
    assert not first.exists()
    assert not [p for p in root.iterdir() if p.name.startswith(".tmp-")]


def test_other_encoder_is_refused_with_the_fix(built, corpus):
    root, _folder, _enc = built
    with pytest.raises(IndexStateError, match="built for hashing-32.*configured with hashing-16.*qa build-index"):
        load_index(corpus, [HashingEncoder(dim=16)], root)


def test_other_corpus_is_refused(built, corpus):
    root, folder, enc = built
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["corpus_hash"] = "0" * 64
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexStateError, match="another version of the corpus"):
        load_index(corpus, [enc], root)


def test_truncated_faiss_file_is_refused(built, corpus):
    root, folder, enc = built
    path = folder / "dense-0.faiss"
    path.write_bytes(path.read_bytes()[:100])
    with pytest.raises(IndexStateError, match="dense-0.faiss is corrupt"):
        load_index(corpus, [enc], root)


def test_flipped_byte_is_refused(built, corpus):
    root, folder, enc = built
    path = folder / "bm25-zh-clause.weights.npy"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(IndexStateError, match="bm25-zh-clause.weights.npy is corrupt"):
        load_index(corpus, [enc], root)


def test_missing_file_and_missing_index(built, corpus, tmp_path_factory):
    root, folder, enc = built
    (folder / "units.json").unlink()
    with pytest.raises(IndexStateError, match="missing"):
        load_index(corpus, [enc], root)
    with pytest.raises(IndexStateError, match="no index"):
        load_index(corpus, [enc], tmp_path_factory.mktemp("empty"))


def test_faiss_file_of_another_dimension_is_refused_explicitly(built, corpus):
    root, folder, enc = built
    other = faiss.IndexFlatIP(48)
    other.add(np.eye(48, dtype=np.float32)[:5])
    faiss.write_index(other, str(folder / "dense-0.faiss"))
    # Re-sign the file so only the dimension check can catch it.
    import hashlib

    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"]["dense-0.faiss"] = hashlib.sha256((folder / "dense-0.faiss").read_bytes()).hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexStateError, match="dimension 48 but hashing-32 gives 32"):
        load_index(corpus, [enc], root)


def test_assistant_rebuilds_a_stale_index_when_allowed(built, corpus):
    from qa.assistant import Assistant, AssistantConfig

    root, folder, _enc = built
    (folder / "units.json").write_text("{}", encoding="utf-8")
    config = AssistantConfig(index_dir=root, encoders=("hashing-32",), weights={"bm25-zh": 1.0, "dense-0": 1.0},
                             auto_build=False)
    with pytest.raises(IndexStateError, match="corrupt"):
        Assistant(config)
    messages = []
    bot = Assistant(AssistantConfig(index_dir=root, encoders=("hashing-32",), weights={"bm25-zh": 1.0}),
                    progress=messages.append)
    assert any("building" in m for m in messages)
    assert bot.search("融资担保", k=3).hits


def test_changed_user_dictionary_is_refused(built, corpus, tmp_path, monkeypatch):
    root, _folder, enc = built
    import qa.index

    terms = tmp_path / "terms.txt"
    terms.write_text(qa.index.TERMS_PATH.read_text(encoding="utf-8") + "\n创业孵化券\n", encoding="utf-8")
    monkeypatch.setattr(qa.index, "TERMS_PATH", terms)
    with pytest.raises(IndexStateError, match="another jieba user dictionary.*qa build-index"):
        load_index(corpus, [enc], root)
