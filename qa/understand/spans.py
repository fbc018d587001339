"""Character spans of names in a question: where each occurs, which overlap, and the text without them.

Document, department and clause-reference finders all claim spans of the question, longest name
first, and skip a match that overlaps one already claimed; the topic left is the text with them blanked.
"""

from __future__ import annotations

from collections.abc import Iterable

Span = tuple[int, int]


def find_all(text: str, needle: str) -> list[Span]:
    """Non-overlapping ``(start, end)`` character spans of ``needle`` in ``text``, left to right.

    A plain substring scan: callers loop over hundreds of names per question, and a regex per name
    would thrash Python's pattern cache (512 entries) and recompile on every question.

    Example:
        >>> find_all("科技局和科技局", "科技局")
        [(0, 3), (4, 7)]
    """
    spans: list[Span] = []
    start = 0
    if not needle:
        return spans
    while (i := text.find(needle, start)) >= 0:
        spans.append((i, i + len(needle)))
        start = i + len(needle)
    return spans


def overlaps(start: int, end: int, taken: Iterable[Span]) -> bool:
    """True when ``[start, end)`` shares a character with any span of ``taken``."""
    return any(s < end and start < e for s, e in taken)


def blank(text: str, spans: Iterable[Span]) -> str:
    """``text`` with each span replaced by one space (spans may come in any order; overlapping ones are merged,
    as a document named "2025 law" and its year "2025").

    Example:
        >>> blank("市科技局牵头哪些措施", [(0, 4)])
        ' 牵头哪些措施'
    """
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in reversed(merged):
        text = text[:start] + " " + text[end:]
    return text
