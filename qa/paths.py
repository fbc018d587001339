"""Where data lives, decided in one place, for a source checkout and for an installed wheel alike.

- corpus (the policy library): ``QA_CORPUS_DIR``; else the copy shipped in the wheel (``qa/bundled_corpus``);
  else ``corpus/`` of the checkout this package was imported from.
- index: ``QA_INDEX_DIR``; else ``index/`` of the checkout (bundled corpus) or the user cache
  (``$XDG_CACHE_HOME/zhengce-qa/index``); another corpus gets its own sub-folder, so two libraries
  never rebuild over each other.
- feedback database: ``QA_FEEDBACK_DB``; else ``data/feedback.sqlite3`` of the checkout or
  ``$XDG_DATA_HOME/zhengce-qa/feedback.sqlite3``.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def checkout_root() -> Path | None:
    """The source checkout this package runs from (editable install or ``python -m``), or None if installed."""
    root = PACKAGE_DIR.parent
    return root if (root / "pyproject.toml").exists() and (root / "corpus").is_dir() else None


def bundled_corpus_dir() -> Path:
    """The library that ships with the package."""
    shipped = PACKAGE_DIR / "bundled_corpus"
    if shipped.is_dir():
        return shipped
    root = checkout_root()
    if root is None:
        from qa.errors import CorpusError

        raise CorpusError("no bundled corpus found (the package was installed without its data); "
                          "set QA_CORPUS_DIR to a library folder or reinstall zhengce-qa")
    return root / "corpus"


def corpus_dir(explicit: Path | str | None = None) -> Path:
    """The library folder to use: ``explicit``, ``QA_CORPUS_DIR`` or the bundled one."""
    if explicit:
        return Path(explicit)
    if os.environ.get("QA_CORPUS_DIR"):
        return Path(os.environ["QA_CORPUS_DIR"])
    return bundled_corpus_dir()


def _user_dir(env: str, fallback: str) -> Path:
    base = os.environ.get(env)
    return (Path(base) if base else Path.home() / fallback) / "zhengce-qa"


def index_dir(explicit: Path | str | None = None, *, corpus: Path | None = None) -> Path:
    """The index folder for ``corpus`` (see the module docstring)."""
    if explicit:
        return Path(explicit)
    if os.environ.get("QA_INDEX_DIR"):
        return Path(os.environ["QA_INDEX_DIR"])
    root = checkout_root()
    base = root / "index" if root else _user_dir("XDG_CACHE_HOME", ".cache") / "index"
    corpus = Path(corpus).resolve() if corpus else None
    if corpus is None or corpus == bundled_corpus_dir().resolve():
        return base
    return base / f"library-{hashlib.sha256(str(corpus).encode()).hexdigest()[:10]}"


def feedback_db(explicit: Path | str | None = None) -> Path:
    """The feedback SQLite file (see the module docstring)."""
    if explicit:
        return Path(explicit)
    if os.environ.get("QA_FEEDBACK_DB"):
        return Path(os.environ["QA_FEEDBACK_DB"])
    root = checkout_root()
    return root / "data" / "feedback.sqlite3" if root else _user_dir("XDG_DATA_HOME", ".local/share") / "feedback.sqlite3"
