"""Scope guard: cue words that put a question outside the plan (other places, personal matters,
details the plan does not contain). Data lives in ``corpus/scope_cues.json``."""

from __future__ import annotations

import json
import re
from pathlib import Path

from qa.errors import CorpusError
from qa.normalize import normalize

LATER_YEAR_RE = re.compile(r"(?<!\d)20(?:1[2-9]|[2-9]\d)(?!\d)")
CUES_PATH = Path(__file__).resolve().parent.parent / "corpus" / "scope_cues.json"


class ScopeGuard:
    """``ScopeGuard().cues("深圳的人才补贴是多少？") == ["深圳"]``."""

    def __init__(self, path: Path = CUES_PATH) -> None:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise CorpusError(f"cannot read scope cues {path}: {e}; restore it from git") from e
        zh: list[str] = []
        en: list[str] = []
        for category, lists in data.items():
            if category.startswith("_"):
                continue
            zh += [normalize(t) for t in lists.get("zh", [])]
            en += [normalize(t) for t in lists.get("en", [])]
        self._zh = tuple(zh)
        self._en = re.compile(r"(?<![a-z0-9])(" + "|".join(re.escape(t) for t in sorted(en, key=len, reverse=True))
                              + r")(?![a-z0-9])") if en else None

    def cues(self, question: str) -> list[str]:
        text = normalize(question)
        found = [t for t in self._zh if t in text]
        # The plan's horizon is 2010: a question about a later year is about another plan.
        found += [m.group(0) for m in LATER_YEAR_RE.finditer(text)]
        if self._en is not None:
            found += self._en.findall(text)
        return list(dict.fromkeys(found))
