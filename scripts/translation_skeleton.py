"""Write (or update) the sentence skeleton of a document's translation_en.json from its parsed source.

Existing English sentences are kept where their Chinese sentence is unchanged, so re-running
after a parser or repair change only blanks what really changed.

    python scripts/translation_skeleton.py corpus/<doc-id> [corpus/<doc-id> ...]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from qa.ingest.parse import parse  # noqa: E402
from qa.ingest.repairs import apply_repairs, load_repairs  # noqa: E402
from qa.ingest.sentences import item_sentences  # noqa: E402


def skeleton(folder: Path) -> dict:
    target = folder / "translation_en.json"
    old = json.loads(target.read_text(encoding="utf-8")) if target.exists() else {}
    known = {p["zh"]: p["en"] for pairs in old.get("sentences", {}).values() for p in pairs}
    meta = json.loads((folder / "document.json").read_text(encoding="utf-8"))
    doc = parse(apply_repairs((folder / "source.txt").read_text(encoding="utf-8"), load_repairs(folder / "repairs.json")),
                structure=meta.get("structure"))
    headings = dict.fromkeys(h for item in doc.items for h in item.group_path)
    out = {
        "document": old.get("document", {"title": meta.get("title_en", ""),
                                         "note": "Unofficial English translation; the Chinese text is authoritative."}),
        "headings": {h: old.get("headings", {}).get(h, "") for h in headings},
    }
    if doc.structure == "workplan":
        out["titles"] = {item.id: old.get("titles", {}).get(item.id, "") for item in doc.items}
    out["sentences"] = {item.id: [{"zh": s, "en": known.get(s, "")} for s, _p, _i in item_sentences(item)]
                        for item in doc.items}
    target.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out


def main() -> None:
    for arg in sys.argv[1:]:
        out = skeleton(Path(arg))
        n = sum(len(v) for v in out["sentences"].values())
        print(f"wrote {arg}/translation_en.json: {len(out['sentences'])} clauses, {n} sentences")


if __name__ == "__main__":
    main()
