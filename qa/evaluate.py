"""Evaluation: gold sets in the plain IR shape, scored as Hit@k, MRR@10, nDCG@10, abstention."""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from qa.answer import answer_language
from qa.errors import QAError

GOLD_DIR = Path(__file__).resolve().parent.parent / "evaluation" / "gold"


@dataclass(frozen=True)
class GoldQuestion:
    id: str
    question: str
    lang: str
    relevant: tuple[str, ...]
    kind: str
    note: str = ""

    @property
    def in_scope(self) -> bool:
        return bool(self.relevant)


def load_gold(paths: Iterable[Path | str], *, valid_ids: Iterable[str] | None = None) -> list[GoldQuestion]:
    """Read JSONL gold files; every line must have id, question, lang, relevant, kind."""
    valid = set(valid_ids) if valid_ids is not None else None
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
                q = GoldQuestion(id=row["id"], question=row["question"], lang=row["lang"],
                                 relevant=tuple(row["relevant"]), kind=row["kind"], note=row.get("note", ""))
            except (json.JSONDecodeError, KeyError, TypeError) as e:
                raise QAError(f"{path}:{n}: not a gold question ({e}); "
                              'expected {"id", "question", "lang", "relevant", "kind", "note"}') from e
            if q.id in seen:
                raise QAError(f"{path}:{n}: duplicate question id {q.id}")
            if valid is not None and not set(q.relevant) <= valid:
                raise QAError(f"{path}:{n}: unknown clause ids {sorted(set(q.relevant) - valid)}")
            seen.add(q.id)
            out.append(q)
    return out


def gold_files(split: str) -> list[Path]:
    return sorted(GOLD_DIR.glob(f"*-{split}.jsonl"))


def first_relevant_rank(ranking: list[str], relevant: Iterable[str]) -> int | None:
    rel = set(relevant)
    for i, cid in enumerate(ranking, 1):
        if cid in rel:
            return i
    return None


def ndcg_at(ranking: list[str], relevant: Iterable[str], k: int = 10) -> float:
    rel = set(relevant)
    dcg = sum(1 / math.log2(i + 1) for i, cid in enumerate(ranking[:k], 1) if cid in rel)
    ideal = sum(1 / math.log2(i + 1) for i in range(1, min(len(rel), k) + 1))
    return dcg / ideal if ideal else 0.0


def ranking_metrics(rows: list[tuple[list[str], tuple[str, ...]]]) -> dict[str, float]:
    """Hit@1/3/5, MRR@10, nDCG@10 over (ranking, relevant) pairs of in-scope questions."""
    if not rows:
        return {"n": 0}
    ranks = [first_relevant_rank(r, rel) for r, rel in rows]
    n = len(rows)
    return {
        "n": n,
        "hit@1": sum(1 for r in ranks if r and r <= 1) / n,
        "hit@3": sum(1 for r in ranks if r and r <= 3) / n,
        "hit@5": sum(1 for r in ranks if r and r <= 5) / n,
        "mrr@10": sum(1 / r for r in ranks if r and r <= 10) / n,
        "ndcg@10": sum(ndcg_at(r, rel) for r, rel in rows) / n,
    }


@dataclass(frozen=True)
class Outcome:
    """What a system did with one gold question."""

    question: GoldQuestion
    ranking: list[str]
    abstained: bool


def score(outcomes: list[Outcome]) -> dict:
    """All metrics: overall, per language, per kind, abstention, and the failures with ranks."""
    in_scope = [o for o in outcomes if o.question.in_scope]
    oos = [o for o in outcomes if not o.question.in_scope]
    report: dict = {"overall": ranking_metrics([(o.ranking, o.question.relevant) for o in in_scope])}
    by_lang: dict[str, list] = defaultdict(list)
    by_kind: dict[str, list] = defaultdict(list)
    for o in in_scope:
        by_lang[o.question.lang].append((o.ranking, o.question.relevant))
        by_kind[o.question.kind].append((o.ranking, o.question.relevant))
    report["by_lang"] = {lang: ranking_metrics(rows) for lang, rows in sorted(by_lang.items())}
    report["by_kind"] = {kind: ranking_metrics(rows) for kind, rows in sorted(by_kind.items())}
    abstained = [o for o in outcomes if o.abstained]
    true_abstain = [o for o in abstained if not o.question.in_scope]
    report["abstention"] = {
        "out_of_scope": len(oos),
        "precision": len(true_abstain) / len(abstained) if abstained else None,
        "recall": len(true_abstain) / len(oos) if oos else None,
        "in_scope_wrongly_abstained": (sum(1 for o in in_scope if o.abstained) / len(in_scope)) if in_scope else None,
    }
    abst_by_lang = {}
    for lang in sorted({o.question.lang for o in outcomes}):
        lang_oos = [o for o in oos if o.question.lang == lang]
        lang_in = [o for o in in_scope if o.question.lang == lang]
        abst_by_lang[lang] = {
            "recall": sum(o.abstained for o in lang_oos) / len(lang_oos) if lang_oos else None,
            "in_scope_wrongly_abstained": sum(o.abstained for o in lang_in) / len(lang_in) if lang_in else None,
        }
    report["abstention"]["by_lang"] = abst_by_lang
    failures = []
    for o in outcomes:
        rank = first_relevant_rank(o.ranking, o.question.relevant) if o.question.in_scope else None
        wrong = (o.question.in_scope and (rank != 1 or o.abstained)) or (not o.question.in_scope and not o.abstained)
        if wrong:
            failures.append({"id": o.question.id, "question": o.question.question, "kind": o.question.kind,
                             "relevant": list(o.question.relevant), "rank": rank, "abstained": o.abstained,
                             "top3": o.ranking[:3]})
    report["failures"] = failures
    return report


def run(questions: list[GoldQuestion], system: Callable[[str], tuple[list[str], bool]]) -> list[Outcome]:
    """Ask every question; ``system`` returns (ranked clause ids, abstained)."""
    outcomes = []
    for q in questions:
        ranking, abstained = system(q.question)
        outcomes.append(Outcome(question=q, ranking=ranking, abstained=abstained))
    return outcomes


@dataclass(frozen=True)
class RawOutcome:
    """A system's output before the abstention threshold: ranking, forced abstention, confidence."""

    question: GoldQuestion
    ranking: list[str]
    forced: bool
    confidence: float


def collect(questions: list[GoldQuestion], answerer: Callable[[str], tuple[list[str], bool, float]]) -> list[RawOutcome]:
    return [RawOutcome(q, *answerer(q.question)) for q in questions]


# The target is at most 5% of in-scope questions wrongly abstained on an unseen split. Calibrating to
# exactly 5% on dev lands above it about half the time on ~180 unseen questions (one standard error is
# ~1.6 points), so dev is held to 3%.
MAX_FALSE_ABSTAIN = 0.03

Thresholds = float | dict[str, float]


def question_language(question: GoldQuestion) -> str:
    """The language a threshold is looked up by: the one the assistant answers in (zh or en)."""
    return answer_language(question.question)


def threshold_for(thresholds: Thresholds, lang: str) -> float:
    return thresholds if isinstance(thresholds, float | int) else thresholds[lang]


def format_thresholds(thresholds: Thresholds) -> str:
    """``0.350`` for one shared threshold, ``0.273 / 0.404`` (zh / en) for one per language."""
    if isinstance(thresholds, float | int):
        return f"{thresholds:.3f}"
    return f"{thresholds['zh']:.3f} / {thresholds['en']:.3f}"


def apply_threshold(raw: list[RawOutcome], thresholds: Thresholds) -> list[Outcome]:
    """Abstain where the system was forced to, or below the (per-language) threshold."""
    return [Outcome(question=r.question, ranking=r.ranking,
                    abstained=r.forced or r.confidence < threshold_for(thresholds, question_language(r.question)))
            for r in raw]


def calibrate(raw: list[RawOutcome], *, max_false_abstain: float = MAX_FALSE_ABSTAIN) -> float:
    """Highest out-of-scope recall with at most ``max_false_abstain`` of in-scope questions abstained;
    ties go to the lowest threshold. Use on the dev split only."""
    in_scope = [r for r in raw if r.question.in_scope]
    oos = [r for r in raw if not r.question.in_scope]
    best = (-1.0, 0.0)
    for t in sorted({0.0, *(round(r.confidence + 1e-6, 6) for r in raw)}):
        false_rate = sum(r.forced or r.confidence < t for r in in_scope) / max(len(in_scope), 1)
        if false_rate > max_false_abstain:
            break
        recall = sum(r.forced or r.confidence < t for r in oos) / max(len(oos), 1)
        if recall > best[0]:
            best = (recall, t)
    return best[1]


def calibrate_by_language(raw: list[RawOutcome], *,
                          max_false_abstain: float = MAX_FALSE_ABSTAIN) -> dict[str, float]:
    """One threshold per answer language: confidence runs higher for English questions (two English
    channels) than for Chinese ones, so one shared threshold over-abstains on Chinese."""
    groups: dict[str, list[RawOutcome]] = defaultdict(list)
    for r in raw:
        groups[question_language(r.question)].append(r)
    return {lang: calibrate(groups[lang], max_false_abstain=max_false_abstain) for lang in ("zh", "en")}


def format_report(name: str, report: dict, *, show_failures: int = 30) -> str:
    """Plain-text tables: per language, per kind, abstention, failures."""
    cols = ("n", "hit@1", "hit@3", "hit@5", "mrr@10", "ndcg@10")

    def table(title: str, rows: dict[str, dict]) -> list[str]:
        out = [f"{title:<14}" + "".join(f"{c:>9}" for c in cols)]
        for key, m in rows.items():
            out.append(f"{key:<14}" + "".join(f"{m.get(c, 0):>9.3f}" if c != "n" else f"{m.get(c, 0):>9d}"
                                              for c in cols))
        return out

    lines = [f"== {name} =="]
    lines += table("language", {**report["by_lang"], "all": report["overall"]})
    lines += [""] + table("kind", report["by_kind"])
    a = report["abstention"]
    fmt = lambda v: "-" if v is None else f"{v:.3f}"  # noqa: E731
    threshold = report.get("threshold", 0.0)
    label = "threshold" if isinstance(threshold, float | int) else "thresholds zh / en"
    lines += ["", f"abstention: {label} {format_thresholds(threshold)}; out-of-scope n={a['out_of_scope']} "
                  f"precision {fmt(a['precision'])} recall {fmt(a['recall'])}; "
                  f"in-scope wrongly abstained {fmt(a['in_scope_wrongly_abstained'])}"]
    for lang, v in a["by_lang"].items():
        lines.append(f"  {lang}: recall {fmt(v['recall'])}, in-scope wrongly abstained {fmt(v['in_scope_wrongly_abstained'])}")
    failures = report["failures"]
    lines += ["", f"failures ({len(failures)}; rank of the first relevant clause, '-' = not in top 10):"]
    for f in failures[:show_failures]:
        rank = "-" if f["rank"] is None else str(f["rank"])
        flag = " [abstained]" if f["abstained"] else ""
        lines.append(f"  {f['id']:<12} rank {rank:>2}{flag}  want {','.join(f['relevant']) or 'abstain'}  "
                     f"got {','.join(f['top3'])}  {f['question'][:60]}")
    if len(failures) > show_failures:
        lines.append(f"  … {len(failures) - show_failures} more (use --json for all)")
    return "\n".join(lines)
