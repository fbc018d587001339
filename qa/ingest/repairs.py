"""Scrape repairs: corrections kept as data beside the untouched source copy."""

from __future__ import annotations

import json
from pathlib import Path

from qa.errors import CorpusError


def load_repairs(path: Path) -> list[dict]:
    """Read ``repairs.json``: a list of {id, original, corrected, line, clause, reason}."""
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise CorpusError(f"cannot read repairs file {path}: {e}; fix the JSON or restore it from git") from e
    required = {"id", "original", "corrected", "line", "clause", "reason"}
    for n, entry in enumerate(entries):
        missing = required - set(entry)
        if missing:
            raise CorpusError(f"{path}: repair #{n + 1} lacks {sorted(missing)}")
    return entries


def apply_repairs(text: str, repairs: list[dict]) -> str:
    """Apply each repair on its line; every original must occur exactly once there.

    Line numbers stay the same, so clauses can be mapped back to the original lines.
    """
    lines = text.split("\n")
    for r in repairs:
        idx = r["line"] - 1
        if not 0 <= idx < len(lines):
            raise CorpusError(f"repair {r['id']}: line {r['line']} is outside the source ({len(lines)} lines)")
        count = lines[idx].count(r["original"])
        if count != 1:
            raise CorpusError(
                f"repair {r['id']}: {r['original']!r} occurs {count} times on line {r['line']}, expected once; "
                "the source changed or the repair's line is wrong"
            )
        lines[idx] = lines[idx].replace(r["original"], r["corrected"])
    return "\n".join(lines)
