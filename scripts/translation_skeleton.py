"""Write (or update) the sentence skeleton of translation_en.json from the parsed corpus.

Existing English sentences are kept where their Chinese sentence is unchanged, so re-running
after a parser or repair change only blanks what really changed.

    python scripts/translation_skeleton.py [corpus/suifuban-2007-42]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from qa.corpus import CORPUS_ROOT, DEFAULT_DOC, split_sentences  # noqa: E402
from qa.parse import parse  # noqa: E402
from qa.repairs import apply_repairs, load_repairs  # noqa: E402


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS_ROOT / DEFAULT_DOC
    target = folder / "translation_en.json"
    old = json.loads(target.read_text(encoding="utf-8")) if target.exists() else {}
    known = {p["zh"]: p["en"] for pairs in old.get("sentences", {}).values() for p in pairs}
    plan = parse(apply_repairs((folder / "source.txt").read_text(encoding="utf-8"),
                               load_repairs(folder / "repairs.json")))
    headings = dict.fromkeys(h for item in plan.items for h in item.group_path)
    out = {
        "document": old.get("document", {"title": "", "note": "Unofficial English translation"}),
        "headings": {h: old.get("headings", {}).get(h, "") for h in headings},
        "titles": {item.id: old.get("titles", {}).get(item.id, "") for item in plan.items},
        "sentences": {item.id: [{"zh": s, "en": known.get(s, "")} for s in split_sentences(item.text)]
                      for item in plan.items},
    }
    target.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {target}: {len(plan.items)} clauses")


if __name__ == "__main__":
    main()
