"""Departments named in a question, with the role asked about and its polarity.

Every form of a name resolves to the glossary's canonical short name: 市科技局, 科技局, 广州市科学技术局,
"Science and Technology Bureau", "Guangzhou Municipal Science and Technology Bureau". A
department-shaped name the glossary lacks (市工信局, "Bureau of Commerce") is reported as unknown,
so the answer can say the plan does not name it instead of quoting an unrelated clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.models import Library
from qa.understand.spans import blank, find_all, overlaps

LEAD_RE = re.compile(r"牵头|负责|主管|主抓|\blead(s|ing)?\b|\bled\b|in charge|responsible|\bheads?\b|\bruns?\b|\bhandles?\b")
# 参与 / participate ask for either role ("教育局参与了哪些措施" includes the measure it leads).
COOP_RE = re.compile(r"配合|协助|协同|\bco-?operat\w*|\bassist\w*|\bsupport(s|ing)? role|\bhelps?\b"
                     r"|\bjoin(s|ed)?\b|\bcollaborat\w*|\bsupporting\b")
# "有没有牵头" and "是不是…牵头" ask; they do not negate.
NEG_RE = re.compile(r"(?<!是)不是|不由|并非|非由|除了|除去|除|以外|之外|(?<!牵头)不牵头|(?<!负责)不负责|(?<!配合)不配合|既不"
                    r"|(?<!有)没有牵头|(?<![有没])没牵头|(?<!有)没有参与|(?<!参与)不参与"
                    r"|\bnot\b|n't\b|\bexcept\b|\bother than\b|\bapart from\b|\bbesides\b|\bneither\b|\bnor\b")
UNKNOWN_ZH_RE = re.compile(r"(?:广州)?市[\u4e00-\u9fff]{1,10}?(?:局|委员会|委|办公室|办|厅)(?![\u4e00-\u9fff]{0,1}(?:部门))")
# A bare bureau name at the start of a phrase (工信局在这个方案里…, 审计局负责…), but not words ending in 局.
UNKNOWN_BARE_ZH_RE = re.compile(r"(?:^|(?<=[,，。?？!！(（、\s和与及跟]))(?!布局|格局|大局|当局|结局|开局|全局|残局|骗局|僵局|时局|政局|饭局|赌局"
                                r"|哪|什么)"  # 哪些局 / 什么局 ask which bureau
                                r"[\u4e00-\u9fff]{1,5}?局(?![面长部势限])")
UNKNOWN_EN_RE = re.compile(r"\b(bureau|commission|office|administration) (?:of|for) ((?:[a-z&'-]+ ?){1,6})"
                           r"|((?:[a-z&'-]+ ){1,6}?)(bureau|commission|office|administration)\b")

_AFTER_NAME = frozenset({"lead", "leads", "led", "cooperate", "cooperates", "do", "does", "did", "in", "on", "the",
                         "which", "what", "for", "named", "mentioned", "is", "are", "responsible", "handle", "handles"})
_UNKNOWN_EN_OF = re.compile(r"\b(?:bureau|commission|office|administration) (?:of|for) [a-z&'-]")

# Words that make no department's name on their own ("a government office", "the local bureau").
_GENERIC_EN = frozenset({"government", "local", "public", "state", "my", "our", "their", "his", "her", "its", "that", "this",
                         "some", "district", "county", "provincial", "national", "relevant", "competent", "responsible",
                         "head", "main", "same", "other", "another", "post", "front", "back", "home", "whole",
                         "complaint", "complaints", "complaint-handling", "handling", "receiving", "accepting"})


# Words of the question, not of a name, that may stand before "… office" ("does the complaint office").
_QUESTION_WORDS = frozenset({"how", "many", "much", "does", "do", "did", "have", "has", "must", "is", "are", "was", "were",
                             "should", "can", "will", "would", "when", "if", "whether", "to", "by", "with", "from",
                             "about", "days", "working"})
# Words after which a shortened department name can start ("involve the planning bureau", "does land and housing bureau").
_BEFORE_SHORT_NAME = frozenset({"the", "does", "do", "did", "is", "are", "was", "involve", "involves", "involving", "by",
                                "with", "for", "from", "about", "to", "on", "when", "if", "whether"})


@dataclass(frozen=True)
class DepartmentMention:
    """A department in a question: canonical name, the role asked about (lead / cooperate / any), negation."""

    name: str
    role: str
    negated: bool
    start: int
    end: int


class DepartmentNames:
    """Finds department names in normalised question text; built once per library."""

    def __init__(self, library: Library) -> None:
        pairs: set[tuple[str, str]] = set()
        for alias, name in library.department_aliases.items():
            if name not in library.departments:
                continue
            pairs.add((alias.lower(), name))
            if alias.startswith("市"):
                pairs |= {("广州" + alias, name), ("广州市" + alias[1:], name)}
        for name, dept in library.departments.items():
            english = dept.english.split(" (")[0].lower()
            core = english.removeprefix("municipal ").removeprefix("guangzhou ")
            pairs |= {(english, name), (core, name), ("guangzhou " + core, name),
                      ("guangzhou municipal " + core, name), (core.replace(" and ", " & "), name)}
            # "Bureau of Science and Technology" for the Science and Technology Bureau: the other common order.
            if (m := re.fullmatch(r"(.+) (bureau|commission|office|committee|administration)", core)):
                inverted = f"{m.group(2)} of {m.group(1)}"
                pairs |= {(inverted, name), ("municipal " + inverted, name), ("guangzhou municipal " + inverted, name)}
        self._aliases = sorted((p for p in pairs if len(p[0]) >= 2), key=lambda p: -len(p[0]))
        self._english = {d.english.split(" (")[0].lower().removeprefix("municipal ") for d in library.departments.values()}
        self._english_words = {name: set(re.findall(r"[a-z&']+", d.english.split(" (")[0].lower()))
                               for name, d in library.departments.items()}

    def find(self, text: str) -> tuple[list[DepartmentMention], list[str]]:
        """(departments named, unknown department-shaped names) in ``text`` (normalised)."""
        found: list[DepartmentMention] = []
        taken: list[tuple[int, int]] = []
        for alias, name in self._aliases:
            for start, end in find_all(text, alias):
                if overlaps(start, end, taken):
                    continue
                if alias.isascii() and not _word_bounded(text, start, end):
                    continue
                taken.append((start, end))
                if name not in {f.name for f in found}:
                    found.append(DepartmentMention(name, "any", False, start, end))
        # Role and negation are read with the names blanked out ("…Economic Cooperation Bureau" asks no cooperation).
        rest = blank(text, taken)
        # ("参与但不牵头" / "but doesn't lead": cooperates, not a negation.)
        role, negated = _role(rest), bool(NEG_RE.search(rest)) and not ONLY_COOPERATES_RE.search(rest)
        found = [DepartmentMention(f.name, role, negated, f.start, f.end) for f in found]
        found.sort(key=lambda f: f.start)
        unknown = []
        for m in [*UNKNOWN_ZH_RE.finditer(text), *UNKNOWN_BARE_ZH_RE.finditer(text)]:
            if not overlaps(m.start(), m.end(), taken) and not any(m.group(0) in u or u in m.group(0) for u in unknown):
                shared = self._shared_ending(m.group(0))
                if shared:  # 税务局 today: the plan's 国家税务局 and 地方税务局
                    found += [DepartmentMention(n, role, negated, m.start(), m.end()) for n in shared
                              if n not in {f.name for f in found}]
                    taken.append((m.start(), m.end()))
                else:
                    unknown.append(m.group(0))
        # "the Bureau of Commerce" is read as such before "… the municipal bureau" can take its first words.
        named_of = [UNKNOWN_EN_RE.match(text, m.start()) for m in _UNKNOWN_EN_OF.finditer(text)]
        for m in named_of or list(UNKNOWN_EN_RE.finditer(text)):
            if overlaps(m.start(), m.end(), taken):
                continue
            phrase = (m.group(2) or m.group(3) or "").strip()
            kind = m.group(1) or m.group(4)
            indefinite = phrase.startswith(("a ", "an "))  # "a government office"; "is a Guangzhou Commerce Bureau" names one
            if m.group(4):
                # "how many working days does the complaint office have": the name starts after the question's words.
                head = phrase.split()
                last = max((i for i, w in enumerate(head) if w in _QUESTION_WORDS), default=-1)
                phrase = " ".join(head[last + 1:])
            words = [w for w in phrase.split() if w not in ("the", "a", "an", "which", "what", "does", "do", "municipal",
                                                              "guangzhou", "city", "is", "of", "for", "any", "and", "or")]
            if not words or set(words) <= _GENERIC_EN or indefinite:
                continue  # "a government office", "the local office": no department's name
            prep = "for" if m.group(0).startswith(f"{kind} for") else "of"
            name = f"{' '.join(words)} {kind}" if m.group(4) else f"{kind} {prep} {' '.join(words)}"
            short = self._shortened(phrase, kind) if m.group(4) else None
            if short:
                start = m.start(3) + len(" ".join(phrase.split()[:short[1]])) + (1 if short[1] else 0)
                found += [DepartmentMention(n, role, negated, start, m.end()) for n in short[0]
                          if n not in {f.name for f in found}]
            elif not any(name in e or e.endswith(name) for e in self._english):
                shown = m.group(0).strip()
                if m.group(1):  # "bureau of commerce lead": the name ends before the question's own words
                    rest = m.group(2).split()
                    cut = next((i for i, w in enumerate(rest) if w in _AFTER_NAME), len(rest))
                    shown = f"{m.group(1)} {prep} {' '.join(rest[:cut])}".strip()
                unknown.append(shown)
        return found, unknown

    def _shared_ending(self, name: str) -> list[str]:
        """The departments (two at most) whose full names end with ``name`` less 广州市/市, when it has 3+ characters:
        税务局 -> [市国税局, 市地税局] (广州市国家税务局, 广州市地方税务局); [] otherwise."""
        core = name.removeprefix("广州").removeprefix("市")
        if len(core) < 3:
            return []
        names = list(dict.fromkeys(n for a, n in self._aliases if len(a) > len(core) + 1 and a.endswith(core)
                                   and not a.isascii()))
        return names if len(names) <= 2 else []

    def _shortened(self, phrase: str, kind: str) -> tuple[list[str], int] | None:
        """(the departments whose English names hold every word of a shortened name, the index of the name's
        first word in ``phrase``): "the Planning Bureau" -> [市规划局], "Land and Housing bureau" -> [市国土房管局],
        "the tax bureau" -> [市国税局, 市地税局] (a word may be the start of the name's word: tax, taxation). None when
        no department does, or more than two (too vague to be a name).

        The shortened name is the words after "the" or a verb ("which measures involve the planning bureau");
        a name with a word of its own in front ("Industry and Information Technology Bureau") is not shortened,
        so a department the plan lacks stays unknown.
        """
        words = phrase.split()
        for start in range(len(words)):
            if start and words[start - 1] not in _BEFORE_SHORT_NAME:
                continue
            own = [w for w in words[start:] if w not in ("and", "&", "of")]
            if not own or set(own) <= _GENERIC_EN:
                continue
            names = [name for name, ws in self._english_words.items()
                     if kind in ws and all(w in ws or (len(w) >= 3 and any(x.startswith(w) for x in ws)) for w in own)]
            if names:
                return (names, start) if len(names) <= 2 else None
        return None


def _word_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())


# "市公安局负责什么？" asks what the department does at all, not only what it leads.
_ANY_ROLE_RE = re.compile(r"(?:负责|管)(?:些)?(?:什么|啥)|职责是什么|\bresponsible for what\b|\bwhat (?:is|are|does) (?:the )?[\w&'() ]{2,80}? "
                          r"(?:responsible for|in charge of)\b|\brole\b"
                          # 把牵头单位算上一共几个部门 / "including the lead": both roles counted
                          r"|(?:把|连同|连|加上|算上|包括|包含)(?:牵头|负责)(?:的)?(?:单位|部门)?(?:也)?(?:算上|在内|算进去|一起)?"
                          r"|\bincluding (?:the )?(?:lead|leading)\b|\b(?:lead|leading) (?:one|department|unit)s? included\b")


# "only cooperates on (rather than leads)": the measures it cooperates on and does not lead.
ONLY_COOPERATES_RE = re.compile(r"只(?:是)?配合|仅(?:仅|是)?配合|只负责配合"
                                r"|(?:参与|配合|参加)(?:了)?(?:但|却|而|可是|但是)(?:并)?(?:不是|不|没有?|唔系|唔)(?:由它|由佢)?(?:牵头|负责)"
                                r"|\bonly (?:cooperat|co-operat|assist|support|help)|\bbut not (?:as )?(?:the )?(?:lead|leading|led)\b"
                                r"|\brather than lead|\bbut (?:does not|doesn't|do not|don't) lead|\bwithout leading")


def _role(text: str) -> str:
    if ONLY_COOPERATES_RE.search(text):
        return "cooperate"
    if _ANY_ROLE_RE.search(text):
        return "any"
    lead, coop = bool(LEAD_RE.search(text)), bool(COOP_RE.search(text))
    if lead and not coop:
        return "lead"
    if coop and not lead:
        return "cooperate"
    return "any"
