"""Merge translation shares (_tr_*.json) into translation_en.json (one-off helper, kept for re-translation).

    python scripts/merge_translation.py corpus/suifuban-2007-42
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

folder = Path(sys.argv[1])
target = folder / "translation_en.json"
merged = json.loads(target.read_text(encoding="utf-8"))
for share in sorted(folder.glob("_tr_*.json")):
    data = json.loads(share.read_text(encoding="utf-8"))
    merged["document"].update(data.get("document", {}))
    merged["headings"].update(data.get("headings", {}))
    merged["titles"].update(data.get("titles", {}))
    for clause_id, english in data.get("sentences", {}).items():
        pairs = merged["sentences"][clause_id]
        if len(pairs) != len(english):
            raise SystemExit(f"{share}: {clause_id} has {len(english)} sentences, expected {len(pairs)}")
        for pair, en in zip(pairs, english, strict=True):
            pair["en"] = en
target.write_text(json.dumps(merged, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"merged into {target}")
