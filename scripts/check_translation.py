"""Check a document's translation_en.json: every sentence rendered, figures kept, obligation words and glossary.

    python scripts/check_translation.py corpus/<doc-id> [...]

Exit status 1 when any problem is found; each is printed with its article and sentence.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from qa.ingest.translation import check_translation, glossary_terms  # noqa: E402


def main() -> int:
    bad = 0
    for arg in sys.argv[1:]:
        folder = Path(arg)
        data = json.loads((folder / "translation_en.json").read_text(encoding="utf-8"))
        glossary = json.loads((folder.parent / "departments.json").read_text(encoding="utf-8"))
        problems = check_translation(data["sentences"], terms=glossary_terms(glossary))
        empty_headings = [h for h, en in data.get("headings", {}).items() if not en.strip()]
        n = sum(len(v) for v in data["sentences"].values())
        for p in problems:
            print(f"{folder.name}: {p}")
        for h in empty_headings:
            print(f"{folder.name}: heading {h!r} has no English")
        kinds = Counter(p.kind for p in problems)
        print(f"{folder.name}: {n} sentences, {len(problems)} problems {dict(kinds)}, {len(empty_headings)} empty headings")
        bad += len(problems) + len(empty_headings)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
