"""Conversations: bounded reading of the history, and what an earlier turn leaves as context.

Only the last ``MAX_HISTORY_TURNS`` questions are read, each cut to ``MAX_QUESTION_CHARS`` and all
together to ``MAX_HISTORY_CHARS``; items that are not text (or not ``{"content": str}`` messages)
are skipped. So a history of thousands of turns costs the same as one of four.
"""

from __future__ import annotations

from qa.normalize import MAX_QUESTION_CHARS
from qa.understand.query import Context, Query

MAX_HISTORY_TURNS = 4
MAX_HISTORY_CHARS = 2000


def clean_history(history) -> list[str]:
    """The earlier questions to read, oldest first: strings (or chat messages of role user), bounded.

    Accepts a list/tuple of str, of ``{"role": "user", "content": str}``, or of ``[question, answer]`` pairs.
    Anything else (None, numbers, nested junk) is ignored rather than raising.
    """
    if not isinstance(history, (list, tuple)):
        return []
    turns: list[str] = []
    for item in list(history)[-4 * MAX_HISTORY_TURNS:]:
        if isinstance(item, str):
            text = item
        elif isinstance(item, dict) and item.get("role", "user") == "user" and isinstance(item.get("content"), str):
            text = item["content"]
        elif isinstance(item, (list, tuple)) and item and isinstance(item[0], str):
            text = item[0]
        else:
            continue
        if text.strip():
            turns.append(text[:MAX_QUESTION_CHARS])
    turns = turns[-MAX_HISTORY_TURNS:]
    total, kept = 0, []
    for text in reversed(turns):
        total += len(text)
        if total > MAX_HISTORY_CHARS:
            break
        kept.append(text)
    return list(reversed(kept))


def context_of(query: Query, answer, *, previous: Context | None) -> Context | None:
    """What a turn leaves for the next one: the clauses it answered from, or the earlier context if none."""
    ids = tuple(c.clause_id for c in answer.citations) or tuple(i.clause_id for i in answer.items)
    if answer.status in ("greeting", "empty", "invalid") or (not ids and previous is not None):
        return previous
    if not ids:
        # A first turn nothing answered ("深圳的条例有没有讲拖欠账款？") still leaves its question: "广州的呢？" asks
        # it of another place's documents.
        return Context(question=query.retrieval_text or query.content, clause_ids=(), intent=query.intent)
    items = tuple(i.clause_id for i in answer.items)
    # A quoted answer is about its first clause (the others are "see also" / the version in force).
    keep = 1 if answer.status in ("answered", "not_stated") else 3
    role = query.departments[0].role if query.intent == "department" and query.departments else "any"
    negated = bool(query.intent == "department" and query.departments and query.departments[0].negated)
    # The documents the turn was limited to by its own words (named, or its follow-up's), not the user's choice;
    # A turn that named none carries the conversation's on.
    scope = (query.scope if query.scope and query.scope != query.selected else None) or query.discussed or None
    cited = tuple(dict.fromkeys(c.doc_id for c in answer.citations))
    if scope and cited and not set(scope) & set(cited):
        scope = None  # "Which measures does 市科技局 cooperate on?" after talk of a law: the answer left that law
    if not scope and not query.selected and query.refs and len(cited) == 1:
        scope = cited  # （二十二）是什么内容: a clause of one document looked up, so that document is under discussion
    also = tuple(d for d in cited if d not in {i.split("/")[0] for i in ids[:keep]})
    return Context(question=query.retrieval_text or query.content, clause_ids=ids[:keep], intent=query.intent,
                   departments=tuple(d.name for d in answer.departments), items=items, role=role, negated=negated,
                   scope=scope, also=also)
