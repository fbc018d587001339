"""City departments: the glossary, and the parenthetical lead/cooperate lists of a clause.

``parse_assignment("市经贸委、科技局分别牵头", glossary)`` gives leads 市经贸委 and 市科技局.
Short names inherit the scope of the name before them (``市财政局、金融办`` -> 市金融办),
and ``各区、县级市`` / ``市和区、县级市`` scopes expand to both levels.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from qa.errors import CorpusError
from qa.models import Assignment, Body, Department

DISTRICT = "区、县级市"
_PLACEHOLDER = "\u0001"  # keeps 区、县级市 whole while splitting on 、
ROLE_RE = re.compile(r"(分别)?(牵头|负责|配合)")
# A parenthetical that assigns departments: (市经贸委牵头,市财政局配合).
ASSIGNMENT_PAREN = r"[(（][^()（）]*(?:牵头|负责|配合)[^()（）]*[)）]"
SUFFIXES = ("局", "委", "办", "部门", "政府", "联", "社", "部", "单位", "会")


@dataclass(frozen=True)
class Glossary:
    """The library's glossary (``corpus/departments.json``): city departments with English names and aliases,
    the bodies the laws name, and legal terms (``terms``: Chinese -> accepted English forms)."""

    departments: dict[str, Department]
    aliases: dict[str, str]
    bodies: dict[str, Body] = field(default_factory=dict)
    terms: tuple[dict, ...] = ()
    raw: dict = field(default_factory=dict)

    def english(self, name: str) -> str:
        return self.departments[name].english

    def resolve(self, name: str) -> str | None:
        return self.aliases.get(name)

    def bodies_in(self, text: str) -> tuple[str, ...]:
        """Glossary bodies named in ``text``, longest first, none counted inside a longer one."""
        found: list[str] = []
        rest = text
        for name in sorted(self.bodies, key=len, reverse=True):
            if name in rest:
                found.append(name)
                rest = rest.replace(name, "\u0000")
        return tuple(sorted(found, key=text.find))


def load_glossary(path: Path) -> Glossary:
    """Read ``corpus/departments.json``; ``CorpusError`` names the bad entry."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as e:
        raise CorpusError(f"cannot read the glossary {path}: {e}; restore it from git") from e
    departments: dict[str, Department] = {}
    aliases: dict[str, str] = {}
    for entry in data["departments"]:
        name, english = entry["name"], entry["english"]
        if not english.strip():
            raise CorpusError(f"{path}: department {name} has no English name")
        departments[name] = Department(name=name, english=english)
        for alias in [name, *entry.get("aliases", [])]:
            if aliases.get(alias, name) != name:
                raise CorpusError(f"{path}: alias {alias} names both {aliases[alias]} and {name}")
            aliases[alias] = name
    bodies = {b["name"]: Body(name=b["name"], english=b["english"], contact=b.get("contact", True),
                              aliases=tuple(b.get("aliases", ())))
              for b in data.get("bodies", [])}
    for body in bodies.values():
        clash = [a for a in body.aliases if a in aliases]
        if clash:
            raise CorpusError(f"{path}: body {body.name}: aliases {clash} already name a department")
    return Glossary(departments=departments, aliases=aliases, bodies=bodies, terms=tuple(data.get("terms", [])),
                    raw=data)


def find_parentheticals(text: str) -> list[tuple[int, int, str]]:
    """Top-level ``(…)`` spans that assign departments: (start, end, inner text)."""
    spans: list[tuple[int, int, str]] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in "(（":
            if depth == 0:
                start = i
            depth += 1
        elif ch in ")）" and depth:
            depth -= 1
            if depth == 0:
                inner = text[start + 1:i]
                if ROLE_RE.search(re.sub(r"[(（][^()（）]*[)）]", "", inner)):
                    spans.append((start, i + 1, inner))
    return spans


def _resolve_names(segment: str, glossary: Glossary, scope: str, where: str) -> tuple[list[str], str]:
    tokens = [t.strip() for t in re.split(r"[、,，]", segment) if t.strip()]
    tokens = [t[:-1] if t.endswith("等") else t for t in tokens]
    # ``经贸、财政部门`` -> 经贸部门, 财政部门
    for i in range(len(tokens) - 2, -1, -1):
        if not tokens[i].endswith(SUFFIXES) and tokens[i + 1].endswith("部门"):
            tokens[i] += "部门"
    names: list[str] = []
    for token in tokens:
        token = token.replace(_PLACEHOLDER, DISTRICT)
        if token.startswith("市和" + DISTRICT):
            scope, rest = "both", token[len("市和" + DISTRICT):]
        elif token.startswith(("各" + DISTRICT, DISTRICT)):
            scope, rest = "district", token.split(DISTRICT, 1)[1]
        elif token.startswith("市"):
            scope, rest = "city", token[1:]
        elif token.startswith("广州") or token.startswith("各"):
            scope, rest = "none", token
        else:
            rest = token
        candidates = {"city": ["市" + rest], "district": [DISTRICT + rest, "各" + DISTRICT + rest],
                      "both": ["市" + rest, DISTRICT + rest], "none": [rest]}[scope]
        if scope == "both":
            wanted = [candidates[0], candidates[1]]
        else:
            wanted = [next((c for c in candidates if glossary.resolve(c)), candidates[0])]
        for name in wanted:
            canonical = glossary.resolve(name)
            if canonical is None:
                raise CorpusError(f"{where}: department {name!r} (from {token!r}) is not in corpus/departments.json; "
                                  "add it with its English name")
            if canonical not in names:
                names.append(canonical)
    return names, scope


def parse_assignment(inner: str, glossary: Glossary, *, where: str = "clause") -> Assignment:
    """Parse the inside of one parenthetical, e.g. ``市经贸委牵头,市财政局、金融办等配合``."""
    text = re.sub(r"([^(（,，、]+)[(（]简称([^)）]+)[)）]", r"\2", inner)  # 市民营经济工作领导小组(简称市民营办)
    text = text.replace("各" + DISTRICT, "各" + _PLACEHOLDER).replace(DISTRICT, _PLACEHOLDER)
    leads: list[str] = []
    cooperates: list[str] = []
    scope, pos = "city", 0
    for m in ROLE_RE.finditer(text):
        segment = text[pos:m.start()].strip(" ,，、")
        pos = m.end()
        if not segment:
            raise CorpusError(f"{where}: '{m.group(0)}' with no department before it in ({inner})")
        names, scope = _resolve_names(segment, glossary, scope, where)
        target = cooperates if m.group(2) == "配合" else leads
        target.extend(n for n in names if n not in target)
    if text[pos:].strip(" ,，、。"):
        raise CorpusError(f"{where}: trailing text {text[pos:]!r} in ({inner}) names no role")
    return Assignment(leads=tuple(leads), cooperates=tuple(cooperates), raw=inner)
