"""Scope cues: words that put a question outside the library, or outside one document.

Data lives in ``corpus/scope_cues.json``; each category says where it applies and what it does:

- ``abstain``: nothing in scope answers (personal matters; details a document never gives);
- ``national_only``: another place: only national documents can answer (Guangdong and Guangzhou rules do not apply there);
- ``none``: no cue by itself, only through ``own_policy_effect`` (a Guangzhou district: 在番禺开厂 is asked under the
  Guangzhou texts, 天河区的补贴政策 asks for the district's own rules, which the library does not hold).

A year after a document's ``horizon_year`` (a 2007 plan with targets to 2010) puts a question limited
to that document outside it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from qa.errors import CorpusError
from qa.models import Library
from qa.normalize import normalize

YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


@dataclass(frozen=True)
class ScopeCue:
    """A cue found in a question: the words, their category and what they do."""

    text: str
    category: str
    effect: str  # abstain, national_only


@dataclass(frozen=True)
class _Category:
    name: str
    effect: str
    own_policy_effect: str | None  # the effect when the question asks about that place's own rules
    documents: frozenset[str] | None  # None = the whole library
    zh: tuple[str, ...]
    en: re.Pattern | None
    unless: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (cue, words that make it no cue of this category)
    within: str | None = None  # the place whose texts apply (a Guangzhou district → 广州)


class ScopeGuard:
    """``ScopeGuard(path).cues("深圳的人才补贴是多少？", scope=None)`` -> [ScopeCue("深圳", "other_places", …)]."""

    def __init__(self, path: Path) -> None:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError, UnicodeDecodeError) as e:
            raise CorpusError(f"cannot read scope cues {path}: {e}; restore it from git") from e
        self._categories = []
        for name, spec in data.items():
            if name.startswith("_"):
                continue
            if spec.get("effect") not in ("abstain", "national_only", "none") or spec.get("applies") not in ("library", "documents"):
                raise CorpusError(f"{path}: category {name} needs effect abstain|national_only|none and applies library|documents")
            en = [normalize(t) for t in spec.get("en", []) if normalize(t)]
            pattern = (re.compile(r"(?<![a-z0-9])(" + "|".join(re.escape(t) for t in sorted(en, key=len, reverse=True))
                                  + r")(?![a-z0-9])") if en else None)
            self._categories.append(_Category(
                name=name, effect=spec["effect"], own_policy_effect=spec.get("own_policy_effect"),
                documents=frozenset(spec.get("documents", ())) if spec["applies"] == "documents" else None,
                zh=tuple(normalize(t) for t in spec.get("zh", []) if normalize(t)), en=pattern,
                unless=tuple((normalize(cue), tuple(normalize(w) for w in words))
                             for cue, words in spec.get("unless", {}).items() if not cue.startswith("_")),
                within=spec.get("within")))

    def english_terms(self) -> list[str]:
        """Every English cue term (Shenzhen, bitcoin …): words a spelling corrector must leave as they are."""
        return [cat.en.pattern for cat in self._categories if cat.en is not None]

    @staticmethod
    def _names_library_document(text: str, library: Library) -> bool:
        """民营经济促进法说公司法…: the question is about a library text that mentions another law."""
        return any(normalize(n) in text for d in library.documents for n in (d.info.title, *d.info.short_names) if len(n) >= 4)

    @staticmethod
    def _effect(cat: _Category, text: str, end: int, *, start: int | None = None) -> str:
        """深圳的补贴政策 / 上海市…条例 / Shenzhen's policy ask about that place's own rules; 在深圳开公司 does not."""
        if not cat.own_policy_effect:
            return cat.effect
        after = text[end:end + 8]
        if re.match(r"^(?:市|省|区|县|地区|当地|本地)?(?:那边|这边|那里|那儿|那头)?"
                    r"(?:的|对|有|出台|规定|政策|条例|办法|补贴|扶持|促进|支持|怎么|如何|有没有|有什么)", after):
            return cat.own_policy_effect
        if re.match(r"^[\u4e00-\u9fff]{0,6}?(?:有什么|有哪些|有没有)?(?:补贴|政策|扶持|奖励|优惠|资助)", text[end:end + 14]) \
                or re.match(r"^[\u4e00-\u9fff]{0,10}?所得税(?:优惠|减免|税率)", text[end:end + 18]):  # 海南自贸港企业所得税优惠
            return cat.own_policy_effect  # 上海民营企业有什么补贴
        if re.match(r"^(?:市|省|经济特区)?[\u4e00-\u9fff]{0,16}?(?:条例|办法|规定)", text[end:end + 22]):
            return cat.own_policy_effect  # 深圳市民营经济促进条例: that place's own regulation
        before = text[max(0, (start or end) - 12):start or end]
        own_rules = r"(?:polic|regulation|rule|law|subsid|grant|support|incentive|measure|government)"
        # 深圳经济特区 private economy regulation: a Chinese place name in an English question.
        after = re.sub(r"^(?:市|省|经济特区|特区)", "", text[end:end + 50])
        if re.match(rf"^(?:'s|’s)?\s*(?:own |local |municipal |provincial |city |special economic zone |smes? |private |economy "
                    rf"|business |enterprise )*{own_rules}",
                    after[:40]) \
                or re.match(rf"^(?:'s|’s)\s+(?:[a-z-]+\s+){{1,3}}{own_rules}", after) \
                or re.match(r"^\s*(?:province|city|municipality|(?:provincial |municipal |city )?government)?\s*"
                            r"(?:offers?|provides?|gives?|has|have|do|does)\b", after[:40]) \
                or re.search(r"(?:polic\w*|regulations?|rules|laws?|subsid\w*|support|incentives?|measures) (?:of|in|for|from) $", before):
            return cat.own_policy_effect
        return cat.effect

    def places_within(self, text: str) -> list[tuple[str, str]]:
        """The places named in ``text`` (normalised) that lie within a place the library covers, as
        (words, place): 我在番禺开铺 → [("番禺", "广州")]. Longest names first, each span once."""
        found: list[tuple[int, int, str, str]] = []
        for cat in self._categories:
            if not cat.within:
                continue
            spans = [(m.start(), m.end()) for t in cat.zh for m in re.finditer(re.escape(t), text)]
            spans += [m.span(1) for m in cat.en.finditer(text)] if cat.en is not None else []
            for a, b in sorted(spans, key=lambda s: s[0] - s[1]):
                if not any(a < e and s < b for s, e, _w, _p in found):
                    found.append((a, b, text[a:b], cat.within))
        return [(w, p) for _a, _b, w, p in sorted(found)]

    def cues(self, text: str, *, scope: tuple[str, ...] | list[str] | None, library: Library) -> list[ScopeCue]:
        """Cues in ``text`` (normalised) that apply when the question is limited to ``scope`` (None = all)."""
        found: list[ScopeCue] = []
        for cat in self._categories:
            if cat.documents is not None and (not scope or not set(scope) <= cat.documents):
                continue
            for t in cat.zh:
                if t in text and not (cat.name == "other_laws" and self._names_library_document(text, library)):
                    found.append(ScopeCue(t, cat.name, self._effect(cat, text, text.find(t) + len(t))))
            if cat.en is not None:
                for m in cat.en.finditer(text):
                    found.append(ScopeCue(m.group(0), cat.name, self._effect(cat, text, m.end(), start=m.start())))
        if scope:
            horizons = [library.info(d).horizon_year for d in scope if library.has_document(d)]
            if horizons and all(horizons):
                found += [ScopeCue(m.group(1), "after_horizon", "abstain") for m in YEAR_RE.finditer(text)
                          if int(m.group(1)) > max(horizons)]
        unless = {(cat.name, cue): words for cat in self._categories for cue, words in cat.unless}
        # 个体工商户的社会保险: the individual-business regulation's own matter, not a personal one.
        found = [c for c in found if c.effect != "none" and not any(w in text for w in unless.get((c.category, c.text), ()))]
        out, seen = [], set()
        for cue in found:
            if (cue.text, cue.category) not in seen:
                seen.add((cue.text, cue.category))
                out.append(cue)
        return out
