"""Gold sets: JSONL files under ``evaluation/gold/``, written blind from the user's side.

One question a line::

    {"id", "question", "lang": "zh"|"en", "relevant": ["<doc-id>/<clause>", …],
     "intent" or "kind", "expect": "answer"|"out_of_scope"|"not_stated",
     "must_contain": [["alt", …], …], "history": [earlier questions, as strings or {"question": …}], "conversation": "c01",
     "documents": [doc ids the question is asked within], "note"}

Older files (plan retrieval sets) have only ``relevant`` (empty = out of scope) and ``kind``.
The split is the file name's suffix (``-dev`` / ``-test``); the family is its prefix (``intent``,
``library-zh`` …).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from qa.errors import QAError
from qa.paths import checkout_root

EXPECTS = ("answer", "out_of_scope", "not_stated")


def gold_dir() -> Path:
    root = checkout_root()
    if root is None:
        raise QAError("the gold sets live in a source checkout (evaluation/gold); run qa eval from one")
    return root / "evaluation" / "gold"


@dataclass(frozen=True)
class GoldQuestion:
    """One gold question (see the module docstring for the fields)."""

    id: str
    question: str
    lang: str
    relevant: tuple[str, ...]
    kind: str
    expect: str
    family: str
    must_contain: tuple[tuple[str, ...], ...] = ()
    history: tuple[str, ...] = ()
    conversation: str | None = None
    documents: tuple[str, ...] | None = None
    note: str = ""

    @property
    def in_scope(self) -> bool:
        return self.expect == "answer"


def _family(path: Path) -> str:
    return path.stem.rsplit("-", 1)[0]


def _history(turns) -> tuple[str, ...]:
    """Earlier questions as strings; a turn may be written ``"text"`` or ``{"question": "text"}``.

    Raises ``TypeError`` (reported with the file and line) for any other shape, since the assistant would
    silently drop it and score a follow-up as if it had no conversation.
    """
    out = []
    for turn in turns or ():
        if isinstance(turn, dict) and isinstance(turn.get("question"), str):
            turn = turn["question"]
        if not isinstance(turn, str):
            raise TypeError(f"a history turn must be a question string or {{'question': str}}, not {turn!r}")
        out.append(turn)
    return tuple(out)


def load_gold(paths, *, library=None) -> list[GoldQuestion]:
    """Read JSONL gold files; ``QAError`` names the file and line of anything malformed.

    With ``library``, every relevant clause id and document id must exist in it.
    """
    out: list[GoldQuestion] = []
    seen: set[str] = set()
    for path in paths:
        path = Path(path)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as e:
            raise QAError(f"cannot read gold file {path}: {e}") from e
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                relevant = tuple(row["relevant"])
                expect = row.get("expect") or ("answer" if relevant else "out_of_scope")
                q = GoldQuestion(id=row["id"], question=row["question"], lang=row["lang"], relevant=relevant,
                                 kind=row.get("intent") or row["kind"], expect=expect, family=_family(path),
                                 must_contain=tuple(tuple(g) for g in row.get("must_contain", ())),
                                 history=_history(row.get("history")), conversation=row.get("conversation"),
                                 documents=tuple(row["documents"]) if row.get("documents") else None,
                                 note=row.get("note", ""))
            except (json.JSONDecodeError, KeyError, TypeError) as e:
                raise QAError(f"{path}:{n}: not a gold question ({e}); expected "
                              '{"id", "question", "lang", "relevant", "kind" or "intent", …}') from e
            if q.expect not in EXPECTS:
                raise QAError(f"{path}:{n}: expect must be one of {EXPECTS}, not {q.expect!r}")
            if q.id in seen:
                raise QAError(f"{path}:{n}: duplicate question id {q.id}")
            if library is not None:
                unknown = [c for c in q.relevant if not library.has_clause(c)]
                unknown += [d for d in q.documents or () if not library.has_document(d)]
                if unknown:
                    raise QAError(f"{path}:{n}: unknown clause or document ids {unknown}")
            seen.add(q.id)
            out.append(q)
    return out


def gold_files(split: str, *, families: tuple[str, ...] | None = None) -> list[Path]:
    """The gold files of a split (``dev`` or ``test``), optionally only some families."""
    files = sorted(gold_dir().glob(f"*-{split}.jsonl"))
    return [f for f in files if families is None or _family(f) in families]


PLAN_RETRIEVAL = ("zh", "en", "scope", "answerability")
FAMILIES = {"plan": PLAN_RETRIEVAL, "intent": ("intent", "intent2", "intent3", "intent4", "intent5", "intent6", "intent7",
                       "intent8", "intent9", "intent10", "intent11", "intent12", "intent13",
                       "intent14", "intent15", "intent16", "intent17", "intent18",
                       "intent19", "intent20", "intent21", "intent22", "intent23", "intent24", "intent25",
                       "intent26", "intent27", "intent28", "intent29"),
            "library": ("library-zh", "library-en", "library2", "library3", "library4", "library5", "library6", "library7",
                        "library8", "library9", "library10", "library11", "library12", "library13", "library14",
                        "library15", "library16", "library17", "library18", "library19", "library20", "library21",
                        "library22", "library23", "library24", "library25", "library26",
                        "library27", "library28", "library29"),
            "library-zh": ("library-zh",), "library-en": ("library-en",),
            # Held out (test only): written by a twenty-ninth blind helper and scored once, at the end of a round of
            # work, so they stay apart from the test halves that had been looked at before. Earlier holdouts
            # (intent3/4/5/7/8/9/10/11/12/13/14/15/16/17/18/19/20/21/22/23/24/25/26/27/28/29 and
            # library3/4/5/7/8/9/10/11/12/13/14/15/16/17/18/19/20/21/22/23/24/25/26/27/28/29 of sessions 16-40)
            # were scored once, then became dev.
            "holdout-intent": ("intent30",), "holdout-library": ("library30",)}
