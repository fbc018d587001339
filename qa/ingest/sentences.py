"""Sentence splitting shared by the corpus builder, the translation skeleton and the translation checks."""

from __future__ import annotations


def split_sentences(text: str) -> list[str]:
    """Split after 。！？ outside brackets; the pieces join back to ``text`` exactly.

    Example:
        >>> split_sentences("第一句。第二句（含。句号）。")
        ['第一句。', '第二句（含。句号）。']
    """
    pieces: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in "(（《〈":
            depth += 1
        elif ch in ")）》〉" and depth:
            depth -= 1
        elif ch in "。！？" and depth == 0:
            pieces.append(text[start:i + 1])
            start = i + 1
    if text[start:].strip():
        pieces.append(text[start:])
    elif pieces:
        pieces[-1] += text[start:]
    return pieces


def item_sentences(item) -> list[tuple[str, int | None, int | None]]:
    """The sentences of a parsed item with the paragraph and item number each sits in.

    A law's sentences never cross a line: each 款 and each （一） item is split on its own.
    A work-plan item (no ``lines``) is split as one text. Returns [(sentence, paragraph, item)].
    """
    if not item.lines:
        return [(s, None, None) for s in split_sentences(item.text)]
    return [(s, ln.paragraph, ln.item) for ln in item.lines for s in split_sentences(ln.text)]
