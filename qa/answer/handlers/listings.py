"""Handlers that answer with a list of clauses: by department and role, by group or topic, by document.

The department lists are computed from the parsed lead/cooperate parentheticals, never retrieved,
so "市科技局牵头哪些措施" lists exactly the clauses the text assigns to it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import replace

from qa.answer.citation import clause_label, document_name, labels_with_document, make_citation
from qa.answer.handlers.common import DEFINING, Deps, best_fragment, not_covered, notes_for
from qa.answer.handlers.retrieval import (
    AMONG_LISTED,
    SUBJECT_SHARE,
    _tokenize,
    handle_topical,
    matching_clause,
    retrieve,
    subject_word,
    text_similarity,
)
from qa.answer.models import Answer, Contact, ListItem
from qa.index.tokenize import english_tokenize
from qa.ingest.departments import ASSIGNMENT_PAREN
from qa.models import Clause, Library
from qa.retrieve.retriever import Hit, SearchResult
from qa.understand import cues
from qa.understand.departments import COOP_RE, LEAD_RE, ONLY_COOPERATES_RE
from qa.understand.documents import named_chapters
from qa.understand.query import Query, bare_of, own_content
from qa.understand.references import local_id, number_value

ROLE_ZH = {"lead": "牵头或负责", "cooperate": "配合", "neither": "牵头、负责或配合"}
ROLE_EN = {"lead": "leads or is responsible for", "cooperate": "cooperates on", "neither": "leads or cooperates on"}


def item(library: Library, clause: Clause, *, detail: bool = False) -> ListItem:
    zh_label, en_label = clause_label(clause)
    leads_zh = "、".join(clause.leads)
    leads_en = "; ".join(library.department_english(d) for d in clause.leads)
    return ListItem(clause.id, zh_label, en_label, clause.title, clause.title_en,
                    f"牵头：{leads_zh}" if detail and leads_zh else "", f"lead: {leads_en}" if detail and leads_en else "")


GIST_CHARS = 60  # Chinese characters of a titled clause's first sentence shown in a group listing (English: ×3)


def _with_gist(listed: ListItem, clause: Clause) -> ListItem:
    """A titled clause (a work plan's measure) listed with the start of what it does, before its lead departments:
    第五条 支持民营企业拓宽融资渠道（支持符合条件的民营企业探索发行企业债券…；牵头：市金融办）. A law's article, listed
    by its opening words already, is left as it is."""
    body = [s for s in clause.sentences if s.zh.strip() and s.zh.strip().rstrip("。.") != clause.title]
    if clause.kind == "article" or not clause.title or not clause.text_zh.startswith(clause.title) or not body:
        return listed
    zh, en = _ASSIGNMENT.sub("", body[0].zh).strip(), _ASSIGNMENT_EN.sub("", body[0].en).strip()
    zh = zh[:GIST_CHARS] + ("…" if len(zh) > GIST_CHARS else "")
    en = en[:3 * GIST_CHARS] + ("…" if len(en) > 3 * GIST_CHARS else "")
    return replace(listed, detail_zh="；".join(x for x in (zh, listed.detail_zh) if x),
                   detail_en="; ".join(x for x in (en, listed.detail_en) if x))


# The departments in brackets at a sentence's end: shown apart, as "牵头：…".
_ASSIGNMENT = re.compile(ASSIGNMENT_PAREN + r"[。；;]?$")
_ASSIGNMENT_EN = re.compile(r"\s*\((?:led by|responsible|with the cooperation|lead)[^()]*\)[.;]?$", re.IGNORECASE)


def roles_in(clause: Clause) -> tuple[set[str], set[str]]:
    """Every department that leads, and every one that cooperates on, any part of a clause.

    A department may lead one part of a measure and cooperate on another; it is listed under both.
    """
    leads, coops = set(clause.leads), set(clause.cooperates)
    for s in clause.sentences:
        if s.assignment:
            leads |= set(s.assignment.leads)
            coops |= set(s.assignment.cooperates)
    return leads, coops


def has_role(clause: Clause, name: str, role: str) -> bool:
    """Whether department ``name`` leads (``role`` "lead"), cooperates on ("cooperate") or does either ("any",
    "neither") any part of ``clause``."""
    leads, coops = roles_in(clause)
    return name in (leads if role == "lead" else coops if role == "cooperate" else leads | coops)


_PAREN_RE = re.compile(ASSIGNMENT_PAREN)


def _item_with_task(library: Library, clause: Clause, name: str, role: str) -> ListItem:
    """A list item whose detail is the sentence the department is assigned in (教育局: children's schooling)."""
    base = item(library, clause)
    for s in clause.sentences:
        a = s.assignment
        if a and name in (a.leads if role == "lead" else a.cooperates if role == "cooperate" else a.leads + a.cooperates):
            zh = _PAREN_RE.sub("", s.zh).strip("。;； ")
            en = re.sub(r"\s*\((?:led|with the cooperation|under the lead)[^()]*\)", "", s.en).strip(" .;")
            if zh and zh != clause.title.strip("。"):
                # English runs about twice as long as the Chinese it renders.
                return replace(base, detail_zh=zh[:80] + ("…" if len(zh) > 80 else ""),
                               detail_en=en[:240] + ("…" if len(en) > 240 else ""))
            # The measure's title sentence shares its first part's assignment: that part is the task.
    return base


def listed_contacts(query: Query, deps: Deps, clause_ids: tuple[str, ...]) -> Answer:
    """The lead and cooperating departments of each clause listed in the earlier turn, one line per clause."""
    library = deps.library
    lines = []
    contacts: list[Contact] = []
    several = len({library.clause(c).doc_id for c in clause_ids}) > 1
    for clause_id in clause_ids:
        clause = library.clause(clause_id)
        leads, coops = roles_in(clause)
        leads = [d for d in clause.leads] + sorted(leads - set(clause.leads))
        coops = sorted(coops - set(leads))
        # Items of several documents: each label names its document.
        zh_label, en_label = labels_with_document(library, clause) if several else clause_label(clause)
        if not leads and not coops:  # a law's article assigns no lead: the bodies it names
            named = list(dict.fromkeys(b for b in clause.bodies))
            english = [library.bodies[b].english if b in library.bodies else library.department_english(b) for b in named]
            lines.append(f"{zh_label}：{'、'.join(named) or '未写明具体部门'}" if query.lang == "zh" else
                         f"{en_label}: {'; '.join(english) or 'no body named'}")
            contacts += [Contact(b, e, "named", clause_id) for b, e in zip(named, english, strict=True)]
            continue
        if query.lang == "zh":
            lines.append(f"{zh_label}（{clause.title}）：牵头{'、'.join(leads) or '未写明'}"
                         + (f"；配合{'、'.join(coops)}" if coops else ""))
        else:
            lines.append(f"{en_label} ({clause.title_en}): led by {'; '.join(library.department_english(d) for d in leads) or 'not stated'}"
                         + (f"; with {'; '.join(library.department_english(d) for d in coops)}" if coops else ""))
        contacts += [Contact(d, library.department_english(d), role, clause_id) for role, names in
                     (("lead", leads), ("cooperate", coops)) for d in names]
    head = f"上一问列出的{len(clause_ids)}条，各自的部门：" if query.lang == "zh" else \
        f"The departments of each of the {len(clause_ids)} clauses listed above:"
    return Answer(question=query.raw, lang=query.lang, status="listing", abstained=False,
                  answer=head + "\n" + "\n".join(lines), intent=query.intent, departments=tuple(contacts),
                  items=tuple(item(library, library.clause(c), detail=True) for c in clause_ids),
                  citations=tuple(make_citation(library, library.clause(c), ()) for c in clause_ids),
                  context_from=clause_ids, confidence=1.0)


_IN_THIS_CLAUSE = re.compile(r"(?:这|那|该|此|本)(?:一)?(?:条|项|款|措施)(?:里|中|内|上)?|\b(?:in|under|for) (?:this|that|the same) "
                             r"(?:measure|article|clause|one)\b|\bin it\b|\bthere\b")


def _what_body(library: Library, docs: list[str], name: str, lang: str) -> tuple[str, list[Clause]]:
    """What a body named by its short name is: the full name a text introduces it by ("市民营经济工作领导小组(简称
    市民营办)", with that clause), else the glossary's full official name; and its English name."""
    english = library.department_english(name)
    for d in docs:
        for c in library.document(d).clauses:
            m = re.search(rf"([^(（,，、。；:：]+?)\s*[(（]简称{re.escape(name)}[)）]", c.original_zh or c.text_zh)
            if m:
                label_zh, label_en = clause_label(c)
                return ((f"{name}（{english}）是“{m.group(1)}”的简称（{label_zh}）。" if lang == "zh" else
                         f"{name} ({english}) is short for {m.group(1)}, as {label_en} introduces it."), [c])
    full = max((a for a, canonical in library.department_aliases.items() if canonical == name and a.startswith("广州市")),
               key=len, default="")
    if lang == "zh":
        return (f"{name}（{english}）全称{full}。" if full else f"{name}：{english}。"), []
    return (f"{name} is the {english}" + (f" (in full {full})." if full else ".")), []


def _scope_docs(query: Query, library: Library) -> list[str]:
    if query.scope:
        return list(query.scope)
    return [d.id for d in library.documents if any(c.leads or c.cooperates for c in d.clauses)]



def handle_department(query: Query, deps: Deps) -> Answer:
    """The clauses a department leads or cooperates on (or does not lead), with the count."""
    library = deps.library
    if not query.departments:
        return _not_named(query, deps)
    if any(c.category == "details_not_in_plan" for c in query.scope_cues):
        # "What's the phone number of the Economic and Trade Commission?": the plan gives no contact details.
        return not_covered(query, deps, None, status="out_of_scope")
    docs = _scope_docs(query, library)
    clauses = [c for d in docs for c in library.document(d).clauses]
    lines: list[str] = []
    group = _group_named(query, deps, docs)
    members = [c for c in clauses if group and c.doc_id == group[0] and c.group_path and c.group_path[-1] == group[1]]
    if group and not any(has_role(c, d.name, "any") for d in query.departments for c in members):
        group = None  # the department has no part in that group: the words named something else
    if group:
        clauses = members
        group_en = clauses[0].group_path_en[-1] if clauses and clauses[0].group_path_en else group[1]
        lines.append(f"限于“{group[1]}”：" if query.lang == "zh" else f"Within “{group_en}”:")
    elif len(query.refs) >= 2 and (named := {f"{d}/{local_id(r.kind or 'measure', r.number)}" for d in docs for r in query.refs
                                            if r.number is not None}) & {c.id for c in clauses}:
        # "融资那部分（1到6条），市经贸委只配合不牵头的是哪几条？": among the clauses numbered, not the whole plan.
        clauses = [c for c in clauses if c.id in named]
        (first_zh, first_en), (last_zh, last_en) = clause_label(clauses[0]), clause_label(clauses[-1])
        lines.append(f"限于{first_zh}至{last_zh}：" if query.lang == "zh" else f"Within {first_en} to {last_en}:")
    elif query.followup and query.context and len(query.context.items) > 1 and query.context.intent == "group_listing" \
            and AMONG_LISTED.search(query.content):
        # "其中哪几条不是市科技局牵头的？" after a group's measures: among those listed, not the whole plan.
        listed = set(query.context.items)
        clauses = [c for c in clauses if c.id in listed]
        lines.append("限于上面列出的条款：" if query.lang == "zh" else "Among the clauses listed above:")
    elif query.followup and query.context and query.context.clause_ids and _IN_THIS_CLAUSE.search(query.content):
        # "市民营办在这条里负责什么？" after measure 20: its part in that clause, not everything it does.
        clauses = [library.clause(c) for c in query.context.clause_ids[:1]]
        label_zh, label_en = clause_label(clauses[0])
        lines.append(f"限于{label_zh}：" if query.lang == "zh" else f"Within {label_en}:")
    items: list[ListItem] = []
    contacts: list[Contact] = []
    defined: list[Clause] = []
    if len(query.departments) == 1 and cues.WHAT_BODY.search(bare_of(query.content, (), query.departments)):
        line, defined = _what_body(library, docs, query.departments[0].name, query.lang)
        lines.append(line)
        items += [item(library, c, detail=True) for c in defined]  # the clause that introduces the name comes first
    if len(query.departments) >= 2 and _BOTH.search(query.content) and not any(m.negated for m in query.departments):
        return _held_by_all(query, deps, clauses, lines)
    for mention in query.departments:
        name = mention.name
        dept_en = library.department_english(name)
        contact_at = len(contacts)
        contacts.append(Contact(name, dept_en, mention.role if mention.role != "any" else "lead"))
        if not group and not any(has_role(c, name, "any") for c in clauses):
            if len(query.departments) == 1 and _named_in_text(library, name, clauses):
                # 工商联 with the 2024 regulation chosen: it names 工商业联合会 in its text, not as a lead or partner.
                return handle_topical(query, deps)
            # 市科技局 with only the national laws chosen: the plan that names it is outside the choice.
            elsewhere = [d for d in library.doc_ids if d not in docs
                         and any(has_role(c, name, "any") for c in library.document(d).clauses)]
            if elsewhere:
                names_zh = "、".join(document_name(library.info(d), "zh", number=False) for d in elsewhere)
                names_en = " and ".join(f"the {document_name(library.info(d), 'en', number=False)}" for d in elsewhere)
                chosen_zh = "、".join(document_name(library.info(d), "zh", number=False) for d in docs) if len(docs) <= 2 else "所选文件"
                chosen_en = (" and ".join(f"the {document_name(library.info(d), 'en', number=False)}" for d in docs)
                             if len(docs) <= 2 else "the chosen documents")
                lines.append(f"没有：{chosen_zh}没有提到{name}（提到它的是{names_zh}，可在文件选择中加入）。" if query.lang == "zh" else
                             f"No: {chosen_en} {'does' if len(docs) == 1 else 'do'} not name the {dept_en} ({name}) ({names_en} "
                             "does; add it to the document choice).")
                # 个体工商户条例有没有给工商联安排职责: no; whom the chosen law does put in charge.
                charge_lines, charge_clauses = _in_charge_lines(library, docs, query.lang)
                lines += charge_lines
                items += [item(library, c, detail=True) for c in charge_clauses if c.id not in {i.clause_id for i in items}]
                del contacts[contact_at]  # "牵头: 市科技局" under "没有" would read as if it led those articles
                continue
        if mention.negated:
            # 不是…牵头的 -> not led by it; 既不牵头也不配合 -> in neither list.
            roles = ["neither" if mention.role == "any" else mention.role]
        else:
            roles = ["lead", "cooperate"] if mention.role == "any" else [mention.role]
        for role in roles:
            if mention.negated:
                chosen = [c for c in clauses if c.kind == "measure" and not has_role(c, name, role)]
            else:
                chosen = [c for c in clauses if has_role(c, name, role)]
                if role == "cooperate" and ONLY_COOPERATES_RE.search(query.content):
                    chosen = [c for c in chosen if name not in roles_in(c)[0]]  # "only cooperates on": not the ones it leads
            if not chosen and not mention.negated and role == "lead" and mention.role == "lead":
                # 市环保局有牵头的措施吗？ No, but say what it cooperates on rather than stop at "none".
                roles.append("cooperate")
            if not chosen and not mention.negated and role == "cooperate" and mention.role == "cooperate" \
                    and any(has_role(c, name, "lead") for c in clauses):
                # 市外事办配合哪些措施？ None, but it leads measure 23: say so, and show it as leading.
                roles.append("lead")
                contacts[contact_at] = replace(contacts[contact_at], role="lead")
            if chosen and not mention.negated and role == "cooperate" and contacts[contact_at].role == "lead" \
                    and not any(name in roles_in(c)[0] for c in clauses):
                # 市国税局负责哪些措施？ It leads none: label it by what it does, not by the word asked.
                contacts[contact_at] = replace(contacts[contact_at], role="cooperate")
            labels_zh = "、".join(clause_label(c)[0] for c in chosen) + _source_numbers(chosen)
            labels_en = ", ".join(clause_label(c)[1] for c in chosen)
            if query.lang == "zh":
                if mention.negated and not chosen:
                    lines.append(f"没有：每条措施都由{name}{ROLE_ZH[role]}（或与其他部门一起）。")
                elif mention.negated:
                    lines.append(f"不由{name}{ROLE_ZH[role]}的措施共{len(chosen)}条：{labels_zh}。")
                elif chosen:
                    lines.append(f"{name}{ROLE_ZH[role]}的条款共{len(chosen)}条：{labels_zh}。")
                else:
                    lines.append(f"{name}没有{ROLE_ZH[role]}的条款。")
            else:
                who = f"The {dept_en} ({name})"
                if mention.negated:
                    verb = {"lead": "led by", "cooperate": "cooperated on by", "neither": "led or cooperated on by"}[role]
                    lines.append(f"{len(chosen)} measures are not {verb} the {dept_en} ({name}): {labels_en}." if chosen
                                 else f"None: every measure is {verb} the {dept_en} ({name}), alone or with others.")
                elif chosen:
                    lines.append(f"{who} {ROLE_EN[role]} {len(chosen)} clause(s): {labels_en}.")
                else:
                    lines.append(f"{who} {'leads' if role == 'lead' else 'cooperates on'} no clause.")
            for c in chosen:
                if c.id in {i.clause_id for i in items}:
                    continue
                if mention.negated or len(chosen) > 6:
                    items.append(item(library, c, detail=mention.negated))
                else:  # a short list: say what the department does in each clause
                    items.append(_item_with_task(library, c, name, role))
    citations = tuple(make_citation(library, c, ()) for c in defined) + tuple(
        make_citation(library, library.clause(i.clause_id), ()) for i in items[:40] if i.clause_id not in
        {c.id for c in defined})
    return Answer(question=query.raw, lang=query.lang, status="listing", abstained=False, answer=" ".join(lines),
                  intent=query.intent, items=tuple(items), departments=tuple(contacts), citations=citations,
                  notes=notes_for(library, [i.clause_id for i in items[:1]], query.lang), confidence=1.0)


def _source_numbers(clauses: list[Clause]) -> str:
    """The work plan's own numbering of listed measures (its text numbers them "29." …): "（原文编号：29、32、34）",
    which hotline staff read off the printed plan; "" for anything but a list of measures."""
    if len(clauses) < 2 or any(c.kind != "measure" for c in clauses):
        return ""
    return "（原文编号：" + "、".join(c.id.rsplit("-", 1)[1] for c in clauses) + "）"


_FEWEST = re.compile(r"最少|\b(?:fewest|least)\b")
TALLY_SHOWN = 5  # departments named in a ranking: the first and the runners-up


def handle_department_tally(query: Query, deps: Deps) -> Answer:
    """The plan's departments ranked by the number of measures they lead (or cooperate on, or either, as asked):
    哪个部门牵头最多 -> 市经贸委 17 measures, listed, then the runners-up with their counts; or (``no_role``) the
    measures naming no cooperating (or no lead) department. Counted over the parsed assignments of the documents
    in scope that assign departments (the 2007 plan); a chosen law, which assigns none, is said to."""
    library = deps.library
    docs = [d for d in _scope_docs(query, library)
            if any(c.leads or c.cooperates for c in library.document(d).clauses)]
    zh = query.lang == "zh"
    if not docs:
        chosen = "、".join(document_name(library.info(d), "zh", number=False) for d in query.scope or ())
        chosen_en = " and ".join(f"the {document_name(library.info(d), 'en', number=False)}" for d in query.scope or ())
        return Answer(question=query.raw, lang=query.lang, status="answered", abstained=False, intent=query.intent,
                      answer=(f"{chosen}的条文不按“牵头/配合”给部门分派任务，无法按部门统计；写明牵头和配合部门的是"
                              "《广州市进一步加快民营经济发展工作方案》，可在文件选择中选它。") if zh else
                      (f"{chosen_en} {'does' if len(query.scope or ()) == 1 else 'do'} not assign tasks to lead and cooperating "
                       "departments, so there is nothing to count; the 2007 Guangzhou work plan does (choose it in the document "
                       "selector)."), confidence=1.0)
    measures = [c for d in docs for c in library.document(d).clauses if c.kind == "measure"]
    lead_asked, coop_asked = bool(LEAD_RE.search(query.content)), bool(COOP_RE.search(query.content))
    role = "cooperate" if coop_asked and not lead_asked else "lead" if lead_asked and not coop_asked else "neither"
    if "no_role" in query.asks:
        role = "lead" if lead_asked and not coop_asked else "cooperate"
        chosen = [c for c in measures if not roles_in(c)[0 if role == "lead" else 1]]
        what_zh, what_en = ("牵头或负责部门", "lead department") if role == "lead" else ("配合部门", "cooperating department")
        if chosen:
            line = (f"{len(measures)}条措施中，没有写{what_zh}的有{len(chosen)}条：{'、'.join(clause_label(c)[0] for c in chosen)}。" if zh
                    else f"Of the {len(measures)} measures, {len(chosen)} name no {what_en}: "
                    f"{', '.join(clause_label(c)[1] for c in chosen)}.")
        else:
            line = f"{len(measures)}条措施都写明了{what_zh}。" if zh else f"All {len(measures)} measures name a {what_en}."
        items = [item(library, c, detail=True) for c in chosen]
        return Answer(question=query.raw, lang=query.lang, status="listing", abstained=False, answer=line,
                      intent=query.intent, items=tuple(items), citations=tuple(make_citation(library, c, ()) for c in chosen),
                      notes=notes_for(library, [c.id for c in measures[:1]], query.lang), confidence=1.0)
    held: dict[str, list[Clause]] = {}
    for c in measures:
        leads, coops = roles_in(c)
        for name in leads if role == "lead" else coops if role == "cooperate" else leads | coops:
            if not name.startswith(("各", "区、县级市", "领导小组")):  # "各有关部门", district bodies: no one department
                held.setdefault(name, []).append(c)
    least = bool(_FEWEST.search(query.content))
    ranked = sorted(held.items(), key=lambda kv: (len(kv[1]) if least else -len(kv[1]), kv[0]))
    top = [kv for kv in ranked if len(kv[1]) == len(ranked[0][1])]
    rest = ranked[len(top):TALLY_SHOWN]  # the runners-up, after the ties for first
    role_zh, role_en = ROLE_ZH[role], ROLE_EN[role]
    if zh:
        head = "；".join(f"{name}（{len(cs)}条：{'、'.join(clause_label(c)[0] for c in cs)}）" for name, cs in top)
        line = f"{role_zh}措施{'最少' if least else '最多'}的是{head}。"
        if rest:
            line += "其次：" + "、".join(f"{name}{len(cs)}条" for name, cs in rest) + "。"
        line += f"（按{len(measures)}条措施写明的部门统计；一条措施可有几个部门。）"
    else:
        head = "; ".join(f"the {library.department_english(name)} ({name}), {len(cs)} measures: "
                         f"{', '.join(clause_label(c)[1] for c in cs)}" for name, cs in top)
        line = f"The department that {role_en} the {'fewest' if least else 'most'} measures: {head}."
        if rest:
            line += " Next: " + ", ".join(f"{library.department_english(name)} ({name}) {len(cs)}" for name, cs in rest) + "."
        line += f" (Counted over the departments the {len(measures)} measures name; a measure may name several.)"
    listed = list(dict.fromkeys(c for _name, cs in top for c in cs))
    items = [item(library, c, detail=True) for c in listed]
    contacts = [Contact(name, library.department_english(name), "lead" if role != "cooperate" else "cooperate") for name, _cs in top]
    return Answer(question=query.raw, lang=query.lang, status="listing", abstained=False, answer=line, intent=query.intent,
                  items=tuple(items), departments=tuple(contacts),
                  citations=tuple(make_citation(library, c, ()) for c in listed),
                  notes=notes_for(library, [c.id for c in measures[:1]], query.lang), confidence=1.0)


# "市财政局牵头、市经贸委也参与" / "both A and B": the clauses every named department has a part in, not each one's list.
_BOTH = re.compile(r"也(?:参与|配合|牵头|负责|有份|参加)|都(?:参与|配合|牵头|负责|有份|参加)|同时|共同|一起|一齐"
                   r"|\bboth\b|\balso\b|\btogether\b|\bas well\b", re.IGNORECASE)
_ANY_PART = re.compile(r"参与|参加|有份|涉及|\binvolved\b|\btakes? part\b|\bparticipat\w*|\bhas a (?:part|role)\b", re.IGNORECASE)


def _held_by_all(query: Query, deps: Deps, clauses: list[Clause], lines: list[str]) -> Answer:
    """The clauses in which every named department has the role asked of it (the words after its name up to the
    next name: 牵头 lead, 配合 cooperate, 参与 / "involved" either), with each one's role in each clause."""
    library = deps.library
    mentions = sorted(query.departments, key=lambda m: m.start)
    roles = []
    for i, m in enumerate(mentions):
        words = query.content[m.end:mentions[i + 1].start if i + 1 < len(mentions) else len(query.content)]
        roles.append("any" if _ANY_PART.search(words) else m.role)

    chosen = [c for c in clauses if c.kind == "measure" and all(has_role(c, m.name, r) for m, r in zip(mentions, roles, strict=True))]
    if query.lang == "zh":
        who = "，".join(f"{m.name}{ROLE_ZH[r] if r != 'any' else '参与（牵头或配合）'}" for m, r in zip(mentions, roles, strict=True))
        lines.append(f"{who}的措施共{len(chosen)}条：{'、'.join(clause_label(c)[0] for c in chosen)}。" if chosen else
                     f"没有一条措施同时满足：{who}。")
    else:
        who = "; ".join(f"the {library.department_english(m.name)} ({m.name}) "
                        f"{ROLE_EN[r] if r != 'any' else 'takes part in (leads or cooperates on)'}" for m, r in zip(mentions, roles, strict=True))
        lines.append(f"{len(chosen)} measures where {who}: {', '.join(clause_label(c)[1] for c in chosen)}." if chosen else
                     f"No measure where {who}.")
    items = [item(library, c, detail=True) for c in chosen]
    contacts = [Contact(m.name, library.department_english(m.name), r if r != "any" else "lead") for m, r in zip(mentions, roles, strict=True)]
    return Answer(question=query.raw, lang=query.lang, status="listing", abstained=False, answer=" ".join(lines),
                  intent=query.intent, items=tuple(items), departments=tuple(contacts),
                  citations=tuple(make_citation(library, c, ()) for c in chosen),
                  notes=notes_for(library, [c.id for c in chosen[:1]], query.lang), confidence=1.0)


def _named_in_text(library: Library, name: str, clauses: list[Clause]) -> bool:
    """Whether one of the department's longer names (4+ characters, so 工商联 is not matched inside 个体工商户)
    occurs in the text of one of ``clauses``."""
    names = [a for a, canonical in library.department_aliases.items() if canonical == name and len(a) >= 4]
    return any(a in c.text_zh for c in clauses for a in names)


def _not_named(query: Query, deps: Deps) -> Answer:
    """A department no document names (市工信局): say so and list the nearest names; quote nothing."""
    library = deps.library
    asked = re.sub(r"^the\s+", "", query.unknown_departments[0])  # "the industry and commerce bureau": one "the"
    names = list(library.departments) + list(library.bodies)
    english = {library.departments[n].english.lower(): n for n in library.departments}
    near = difflib.get_close_matches(asked, names, n=4, cutoff=0.3)
    near += [english[e] for e in difflib.get_close_matches(asked.lower(), list(english), n=3, cutoff=0.4)]
    near = list(dict.fromkeys(near))[:5]
    scope = query.scope if query.scope and len(query.scope) < len(library.doc_ids) else ()
    # 工信局 with the 2007 plan chosen: the plan does not name it, but the 2024 regulation names the body.
    elsewhere = next(((b, docs) for b in library.bodies.values()
                      if any(a.removeprefix("市") and a.removeprefix("市") in asked for a in b.aliases)
                      and (docs := [d for d in library.doc_ids if d not in scope
                                    and any(b.name in c.text_zh for c in library.document(d).clauses)])), None)
    if query.lang == "zh":
        where = "、".join(document_name(library.info(d), "zh", number=False) for d in scope) if scope else "资料库的文件"
        text = f"{where}没有提到“{asked}”。" + (f"名称相近的部门或机构有：{'、'.join(near)}。" if near else "")
        if elsewhere:
            body, docs = elsewhere
            text += (f"资料库中{'、'.join(document_name(library.info(d), 'zh', number=False) for d in docs)}"
                     f"提到的“{body.name}”可能对应它。")
    else:
        shown = "; ".join(f"{library.departments[n].english} ({n})" if n in library.departments
                          else f"{library.bodies[n].english} ({n})" for n in near)
        where = (" or ".join(f"the {document_name(library.info(d), 'en', number=False)}" for d in scope)
                 if scope else "No document in the library")
        where = where[0].upper() + where[1:]
        text = (f"{where} does not name the “{asked}”." if scope else f"{where} names the “{asked}”.") + (
            f" The nearest names are: {shown}." if near else "")
        if elsewhere:
            body, docs = elsewhere
            text += (f" The {body.english} ({body.name}) named in "
                     + " and ".join(f"the {document_name(library.info(d), 'en', number=False)}" for d in docs)
                     + " may correspond to it.")
    contacts = tuple(Contact(n, library.department_english(n) if n in library.departments else library.bodies[n].english,
                             "named") for n in near)
    return Answer(question=query.raw, lang=query.lang, status="not_named", abstained=True, answer=text,
                  intent=query.intent, departments=contacts, confidence=0.0)


# Words every heading could use: they name no group ("促进民营经济发展的新措施" is no land measure).
_HEADING_GENERIC = frozenset({"促进", "发展", "加快", "推动", "优化", "完善", "加强", "努力", "积极", "切实", "着力", "大力",
                              "建设", "提高", "提升", "实施", "落实", "推进", "创新", "健全", "鼓励", "引导", "服务", "民营",
                              "经济", "企业", "民营经济", "中小企业", "工作", "任务", "work", "develop", "promot", "improv",
                              "strengthen", "acceler", "optimis", "activ", "effort", "strive", "econom", "economi", "sme", "smes"})
# Words of the asking, not of the topic: "融资方面有哪些扶持措施" is about 融资, not the chapter 创业扶持.
_LISTING_WORDS = frozenset({"扶持", "支持", "措施", "政策", "规定", "方面", "哪些", "优惠", "有关", "相关", "条款", "具体",
                            "measures", "support", "policies", "provisions", "rules", "what", "which",
                            # their stems (english_tokenize), and the words of asking for a role
                            "measur", "polici", "provis", "rule", "claus", "articl", "item", "lead", "led", "cooper",
                            "cooperat", "牵头", "配合", "负责", "参与"})


def _chapter_asked(query: Query, library: Library) -> tuple[str, str] | None:
    """(document, chapter heading) for "中小企业促进法第三章讲什么" / "chapter 3 of the SME Promotion Law"."""
    m = cues.CHAPTER_REF.search(query.content)
    docs = list(query.scope or ())
    if not m:
        named = named_chapters(query.content, docs or library.doc_ids, library)
        return named[0] if named else None  # by heading; with several documents, the first (in force first)
    if len(docs) != 1:
        return None
    try:
        number = number_value(m.group(1) or m.group(2))
    except ValueError:
        return None
    info = library.info(docs[0])
    if not 1 <= number <= len(info.chapters):
        return None
    return docs[0], info.chapters[number - 1]


def _in_charge_lines(library: Library, docs, lang: str) -> tuple[list[str], list[Clause]]:
    """For each of ``docs`` that names the body in charge of it (``DocumentInfo.in_charge``): one line saying so,
    with the article, from the document's metadata (corpus/<doc>/document.json); and those articles."""
    out, clauses = [], []
    for doc_id in docs:
        info = library.info(doc_id)
        if (clause := library.in_charge_clause(doc_id)) is None:
            continue
        _local, body_zh, body_en = info.in_charge
        label_zh, label_en = clause_label(clause)
        out.append(f"{document_name(info, 'zh', number=False)}写明的主管部门是{body_zh}（{label_zh}）。" if lang == "zh" else
                   f"The {document_name(info, 'en', number=False)} puts the {body_en} ({body_zh}) in charge ({label_en}).")
        clauses.append(clause)
    return out, clauses


def _group_numbered(query: Query, library: Library) -> tuple[str, str] | None:
    """(document, group heading) for "第（六）部分" / "group 6" of a work plan: with brackets or 组 the numbered
    group （六）; a bare 第四部分 the plan's fourth part when that part has no groups of its own."""
    m = cues.GROUP_REF.search(query.content)
    docs = [d for d in (query.scope or library.doc_ids) if library.info(d).structure == "workplan"]
    if not m or len(docs) != 1:
        return None
    raw = m.group("n") or m.group("n2") or m.group("n3") or m.group("n4")
    try:
        number = number_value(raw) if not re.fullmatch(r"[ivx]+", raw) else ("i", "ii", "iii", "iv", "v", "vi", "vii",
                                                                             "viii", "ix", "x").index(raw) + 1
    except ValueError:
        return None
    clauses = [c for c in library.document(docs[0]).clauses if c.group_path and c.kind not in ("preamble", "guiding")]
    groups = list(dict.fromkeys(c.group_path[-1] for c in clauses if c.kind == "measure" and len(c.group_path) > 1))
    parts = list(dict.fromkeys(c.group_path[0] for c in clauses))
    bracketed = bool(m.group("paren") or m.group("n2") or m.group("p3") or m.group("n4")) or "组" in m.group(0)
    if not bracketed and number <= len(parts):
        inside = {c.group_path[-1] for c in clauses if c.group_path[0] == parts[number - 1]}
        if len(inside) == 1:  # a part without groups of its own (四、工作要求), or with one (基本原则)
            return docs[0], inside.pop()
    return (docs[0], groups[number - 1]) if 1 <= number <= len(groups) else None


def handle_group_listing(query: Query, deps: Deps) -> Answer:
    """The clauses of the group (a work plan's （一）… group, a law's chapter) that a topic falls in."""
    library = deps.library
    chapter = _chapter_asked(query, library) or _group_numbered(query, library)
    ref = cues.GROUP_REF.search(query.content)
    bare_part = bool(ref) and not (ref.group("paren") or ref.group("n2") or ref.group("p3") or ref.group("n4"))
    if chapter and bare_part and (named := _group_named(query, deps, [chapter[0]])) and named != chapter:
        # 第一部分拓宽资金渠道下面有哪些措施: the plan's part 1 is its principles, but the words name group （一）.
        chapter = named
    if chapter:
        answer = _group_answer(query, deps, *chapter, SearchResult(query=query.content, hits=(), confidence=1.0))
        return _other_chapters(answer, query, library, chapter)
    result, abstain = retrieve(query, deps, k=8)
    votes: dict[tuple[str, str], float] = {}
    for rank, hit in enumerate(result.hits):
        clause = library.clause(hit.clause_id)
        if not clause.group_path or clause.kind in ("preamble", "guiding"):
            continue
        key = (clause.doc_id, clause.group_path[-1])
        votes[key] = votes.get(key, 0.0) + hit.score / (1 + 0.5 * rank)
    # A group whose heading the question names (基本原则, 融资) wins over scattered hits.
    tokens = _tokenize(deps)
    # The topic without the document's name: 工作方案 shares 工作 with the heading 工作要求.
    # With the texts' terms for everyday words (用地 -> 土地), unless a follow-up's text carries the earlier question.
    topic = query.topic or query.content
    asked_text = topic if query.followup else f"{topic} {query.retrieval_text}"
    # English: only content words ("of", "the" name every heading) and no bare numbers ("the 4 main goals").
    english = set(english_tokenize(asked_text))
    asked = {t for t in tokens(asked_text) if len(t) >= 2 and (not t.isascii() or t in english and not t.isdigit())} \
        - _LISTING_WORDS
    # Each group's heading words (Chinese and English), computed once for both uses below.
    heads = _group_heads(deps, query.scope or tuple(library.doc_ids))

    def heading_overlap(key: tuple[str, str]) -> int:
        """Words the group's heading shares with the question."""
        return len(asked & heads[key])

    named = [key for key in heads if heading_overlap(key)]
    if not query.documents and not query.selected and not query.followup and not any(
            c.effect == "abstain" for c in query.scope_cues):
        # 融资方面有哪些扶持措施 with no document chosen: the group on it in each document whose heading names it.
        per_doc: dict[str, tuple[str, str]] = {}
        english = set(english_tokenize(query.content))  # jieba also keeps "on", "are"
        meaningful = {t for t in asked - _HEADING_GENERIC if not t.isascii() or t in english}
        for key in named:
            if meaningful & heads[key] and (key[0] not in per_doc
                                                            or heading_overlap(key) > heading_overlap(per_doc[key[0]])):
                per_doc[key[0]] = key
        if len(per_doc) > 1:
            keys = sorted(per_doc.values(), key=lambda k: (not library.info(k[0]).in_force, library.doc_ids.index(k[0])))
            return _groups_answer(query, deps, keys, result)
    rare = _rare_words(asked, query.content, heads)
    by_heading = [key for key in named if rare & heads[key]]
    if any(c.effect == "abstain" for c in query.scope_cues):
        by_heading = []
    if abstain and not by_heading:
        return not_covered(query, deps, result, status=abstain)
    if abstain:  # weak evidence in the clauses, but the question names a group's heading: that group
        votes = {}
    for key in named:
        votes.setdefault(key, 0.0)
    top = max((h.score for h in result.hits), default=1.0)
    if not query.scope:  # with no document chosen, the rules in force come before a historical plan
        for key in list(votes):
            if not library.info(key[0]).in_force:
                votes[key] *= 0.5
    # A heading that shares one word of a longer topic (权益保护 for 知识产权保护) counts for less than one that
    # says the whole topic (权益保护).
    core = len({t for t in asked if t not in _HEADING_GENERIC}) or 1
    for key in votes:
        votes[key] += top * heading_overlap(key) * min(1.0, 2 * heading_overlap(key) / core)
    if not votes:
        return handle_topical(query, deps)
    doc_id, group = max(votes, key=votes.get)
    if not heading_overlap((doc_id, group)) and not query.followup:
        if not query.scope and _WHICH_ARTICLES.search(query.content):
            # 哪些条款涉及知识产权 with no document chosen: the article on it in each document, not one article.
            return handle_which_documents(query, deps)
        if query.scope and len(query.scope) == 1 and _WHICH_ARTICLES.search(query.content):
            # 广州市支持民营经济发展条例讲融资的是哪几条: the articles of that document on the topic, not one.
            return _topic_articles(query, deps, query.scope[0]) or handle_topical(query, deps)
        # 广州对首台套产品有啥政策: no group's heading names the topic, so the clauses on it answer, not a chapter
        # that merely holds the best hits.
        return handle_topical(query, deps)
    if (doc_id, group) in by_heading:
        result = replace(result, confidence=1.0)  # named by its heading, as a chapter asked by number is
    return _group_answer(query, deps, doc_id, group, result)


TOPIC_LIST_RATIO = 0.4  # of the best hit's score: an article this close, with the topic's word, is also on it
TOPIC_LIST_MAX = 8


def _topic_articles(query: Query, deps: Deps, doc_id: str) -> Answer | None:
    """The articles of one document on a topic that no heading names (its best hits within ``TOPIC_LIST_RATIO``
    of the first, each evidence enough and holding one of the topic's words), in the document's order; None
    when fewer than two are."""
    library = deps.library
    result, abstain = retrieve(query, deps, k=20)
    if abstain or not result.hits:
        return None
    top = result.hits[0].score
    # The topic's own words (融资, financing), one of which each article listed must contain.
    topic = cues.without(query.bare or query.content, _WHICH_ARTICLES)
    words = {t for t in _tokenize(deps)(own_content(topic)) if len(t) >= 2 and not t.isdigit()} - _LISTING_WORDS - _HEADING_GENERIC
    english = [w for w in re.findall(r"[a-z]{4,}", own_content(topic).lower()) if w not in _LISTING_WORDS]
    # The word itself or its plural (financing, not finance: 财政 departments are "finance" too).
    forms = [rf"\b{w}s?\b" for w in english]

    # Words most of the document's articles hold (大型企业 in the payment regulation) are its subject, not the topic.
    members = library.document(doc_id).clauses
    words = {w for w in words if not subject_word(w, members)}
    forms = [f for f in forms if sum(bool(re.search(f, c.text_en.lower())) for c in members) < SUBJECT_SHARE * len(members)]

    def on_topic(clause: Clause) -> bool:
        text_en = clause.text_en.lower()
        return any(w in clause.text_zh for w in words if not w.isascii()) or any(re.search(form, text_en) for form in forms)

    close = [h for h in result.hits if library.clause(h.clause_id).doc_id == doc_id and h.score >= TOPIC_LIST_RATIO * top
             and h.confidence >= deps.threshold_for_clause(query.evidence_lang, h.clause_id)
             and on_topic(library.clause(h.clause_id))][:TOPIC_LIST_MAX]
    if len(close) < 2:
        return None
    order = {c.id: n for n, c in enumerate(library.document(doc_id).clauses)}
    members = sorted((library.clause(h.clause_id) for h in close), key=lambda c: order[c.id])
    info = library.info(doc_id)
    if query.lang == "zh":
        text = (f"{document_name(info, 'zh', number=False)}中与此有关的条款有{len(members)}条："
                + "、".join(clause_label(c)[0] for c in members) + "。")
    else:
        text = (f"In the {document_name(info, 'en', number=False)}, {len(members)} articles bear on this: "
                + ", ".join(clause_label(c)[1] for c in members) + ".")
    items = tuple(_on_topic_gist(_with_gist(item(library, c, detail=True), c), c, words, forms) for c in members)
    return Answer(question=query.raw, lang=query.lang, status="listing", abstained=False, answer=text,
                  intent=query.intent, items=items, citations=tuple(make_citation(library, c, ()) for c in members),
                  notes=notes_for(library, [members[0].id], query.lang), confidence=result.confidence)


def _on_topic_gist(listed: ListItem, clause: Clause, words: set[str], forms: list[str]) -> ListItem:
    """A listed article with the sentence that holds the topic's word (第十八条 … 纳入企业年度报告…), cut at
    ``GIST_CHARS``, when its opening words do not hold it."""
    for s in clause.sentences:
        if any(w in s.zh for w in words if not w.isascii()) or any(re.search(f, s.en.lower()) for f in forms):
            text = s.zh
            if listed.title_zh and text.startswith(listed.title_zh):
                text = text[len(listed.title_zh):].lstrip("，,；;：: ")  # the opening words are shown already
                if len(text.strip("。.；; ")) < 2:
                    continue  # the whole sentence is shown as the title: a later one may hold the word too
            zh = text[:GIST_CHARS] + ("…" if len(text) > GIST_CHARS else "")
            en = s.en[:3 * GIST_CHARS] + ("…" if len(s.en) > 3 * GIST_CHARS else "")
            return replace(listed, detail_zh="；".join(x for x in (zh, listed.detail_zh) if x),
                           detail_en="; ".join(x for x in (en, listed.detail_en) if x))
    return listed


_WHICH_ARTICLES = re.compile(r"(?:哪些|哪几|什么)(?:条款|条文|法条|条|规定)|\bwhich (?:articles|clauses|provisions)\b")


def _rare_words(asked: set[str], text: str, heads: dict) -> set[str]:
    """The asked words that name few groups: in at most two headings, not generic (民营, 发展), and for English
    words only the stemmed ones (jieba also keeps "for")."""
    english = set(english_tokenize(text))
    return {t for t in asked if (not t.isascii() or t in english) and t not in _HEADING_GENERIC
            and sum(t in h for h in heads.values()) <= 2}


def _group_heads(deps: Deps, docs) -> dict[tuple[str, str], set[str]]:
    """{(document, group heading): the heading's words, Chinese and English} for the groups of ``docs``, in order."""
    library = deps.library
    tokens = _tokenize(deps)
    heads: dict[tuple[str, str], set[str]] = {}
    for doc_id in docs:
        for c in library.document(doc_id).clauses:
            if c.group_path and c.kind not in ("preamble", "guiding") and (doc_id, c.group_path[-1]) not in heads:
                heads[(doc_id, c.group_path[-1])] = set(tokens(f"{c.group_path[-1]} {c.group_path_en[-1] if c.group_path_en else ''}"))
    return heads


def _group_named(query: Query, deps: Deps, docs: list[str]) -> tuple[str, str] | None:
    """The one group of ``docs`` whose heading the question's own words name (不是市经贸委牵头的**融资**措施), else None."""
    tokens = _tokenize(deps)
    asked = set(tokens(query.bare))
    if not query.followup:  # and the texts' terms the synonyms add (用地 -> 土地), not the department's own words
        asked |= set(tokens(query.retrieval_text)) - set(tokens(query.content))
    asked = {t for t in asked if len(t) >= 2} - _LISTING_WORDS
    heads = _group_heads(deps, docs)
    rare = _rare_words(asked, query.content, heads)
    named = [key for key, words in heads.items() if rare & words]
    return named[0] if len(named) == 1 else None


def _group_members(library: Library, doc_id: str, group: str) -> list[Clause]:
    """The clauses of one group (its heading ``group``) of a document, in order; notices and guiding ideas apart."""
    return [c for c in library.document(doc_id).clauses if c.group_path and c.group_path[-1] == group
            and c.kind not in ("preamble", "guiding")]


def _groups_answer(query: Query, deps: Deps, keys: list[tuple[str, str]], result: SearchResult) -> Answer:
    """One group per document (in-force documents first): each group's clauses, with each clause's task."""
    library = deps.library
    lines, items, citations, ids = [], [], [], []
    for doc_id, group in keys:
        members = _group_members(library, doc_id, group)
        info = library.info(doc_id)
        if query.lang == "zh":
            lines.append(f"{document_name(info, 'zh', number=False)}“{group}”，{len(members)}条："
                         + "、".join(clause_label(c)[0] for c in members))
        else:
            group_en = members[0].group_path_en[-1] if members[0].group_path_en else group
            lines.append(f"{document_name(info, 'en', number=False)}, “{group_en}”, {len(members)} clauses: "
                         + ", ".join(clause_label(c)[1] for c in members))
        for c in members:
            label_zh, label_en = labels_with_document(library, c)
            items.append(replace(item(library, c, detail=True), label_zh=label_zh, label_en=label_en))
        citations += [make_citation(library, c, ()) for c in members]
        ids.append(members[0].id)
    head = (f"{len(keys)}份文件有这方面的专门规定（现行有效的在前）：" if query.lang == "zh" else
            f"{len(keys)} documents have a part on this (those in force first):")
    return Answer(question=query.raw, lang=query.lang, status="listing", abstained=False,
                  answer=head + "\n" + "\n".join(lines), intent=query.intent, items=tuple(items),
                  citations=tuple(citations), notes=notes_for(library, ids, query.lang), confidence=1.0)


def _other_chapters(answer: Answer, query: Query, library: Library, chosen: tuple[str, str]) -> Answer:
    """``answer`` with the other documents that have a chapter of the heading asked named after it (权益保护那章
    with no document named: four laws have one)."""
    others = [(d, h) for d, h in named_chapters(query.content, query.scope or library.doc_ids, library)
              if (d, h) != chosen]
    if not others:
        return answer
    if query.lang == "zh":
        also = "、".join(f"{document_name(library.info(d), 'zh', number=False)}{h}" for d, h in others)
        text = f"{answer.answer}\n另有同名章：{also}。"
    else:
        also = "; ".join(f"{document_name(library.info(d), 'en', number=False)}, "
                         f"{library.info(d).chapters_en[library.info(d).chapters.index(h)]}" for d, h in others)
        text = f"{answer.answer}\nOther documents have a chapter of that name: {also}."
    return replace(answer, answer=text)


def _group_answer(query: Query, deps: Deps, doc_id: str, group: str, result: SearchResult) -> Answer:
    """The listing of one group's clauses (with each clause's task), citing each."""
    library = deps.library
    members = _group_members(library, doc_id, group)
    info = library.info(doc_id)
    group_en = members[0].group_path_en[-1] if members[0].group_path_en else group
    labels_zh = "、".join(clause_label(c)[0] for c in members) + _source_numbers(members)
    labels_en = ", ".join(clause_label(c)[1] for c in members)
    if query.lang == "zh":
        text = f"{document_name(info, 'zh', number=False)}中这方面的规定在“{group}”，共{len(members)}条：{labels_zh}。"
    else:
        text = (f"In the {document_name(info, 'en', number=False)} this is the group “{group_en}”, "
                f"{len(members)} clauses: {labels_en}.")
    items = tuple(_with_gist(item(library, c, detail=True), c) for c in members)
    citations = tuple(make_citation(library, c, ()) for c in members)
    return Answer(question=query.raw, lang=query.lang, status="listing", abstained=False, answer=text,
                  intent=query.intent, items=items, citations=citations,
                  related=tuple(h.clause_id for h in result.hits if h.clause_id not in {c.id for c in members})[:3],
                  notes=notes_for(library, [members[0].id], query.lang), confidence=result.confidence)


# Documents after the first need evidence above the threshold (dev: 0.8-1.3 gave the same answers; 1.3 drops
# the false friends fresh users found, e.g. 逾期利息 -> 民营经济促进法第七十二条).
WHICH_DOCS_EVIDENCE = 1.3
WHICH_DOCS_RATIO = 0.5  # dev: 0.4-0.6 gave the same answers, 0.7 lost one document
WHICH_DOCS_CANDIDATES = 100  # hits read (the most search gives): a document on the very topic fills the first 60


SAME_RULE_RATIO = 0.6  # character similarity above which an older version's article says the same (a version's counterpart)


def handle_which_documents(query: Query, deps: Deps) -> Answer:
    """Which documents cover a topic: each document with its best article, in-force documents first."""
    library = deps.library
    topic = cues.WHICH_WORDS.sub(" ", query.retrieval_text)  # 涉及 matched 涉及民营经济组织的诉讼
    if own_content(topic):
        query = replace(query, retrieval_text=topic)
    result, abstain = retrieve(query, deps, k=WHICH_DOCS_CANDIDATES)
    mentioning = _mentioning(query, library)
    if abstain and not (mentioning and abstain == "abstained"):  # words found in the text are evidence enough
        return not_covered(query, deps, result, status=abstain)
    best: dict[str, object] = {}
    top = result.hits[0].score if result.hits else 0.0
    for hit in result.hits:
        doc_id = library.clause(hit.clause_id).doc_id
        if mentioning:
            # "Which documents mention the Greater Bay Area?": the documents whose text has the words.
            if doc_id not in best and hit.clause_id in mentioning:
                best[doc_id] = hit
            continue
        # Every document whose best clause is itself evidence enough and not far behind the first (a document
        # on the very topic, 个体工商户条例, fills the first ranks and must not hide the others).
        if doc_id not in best and hit.score >= WHICH_DOCS_RATIO * top \
                and hit.confidence >= (0.8 if not best else WHICH_DOCS_EVIDENCE) * deps.threshold_for_clause(query.evidence_lang, hit.clause_id):
            best[doc_id] = hit
    if cues.DEFINITION.search(query.content) and not mentioning:
        # "Which documents define what an SME is?": the documents whose near hits define it (…所称中小企业，是指…).
        defining: dict[str, Hit] = {}
        for hit in result.hits:
            clause = library.clause(hit.clause_id)
            if clause.doc_id not in defining and hit.score >= WHICH_DOCS_RATIO * top and DEFINING.search(clause.text_zh):
                defining[clause.doc_id] = hit
        best = defining or best
    for clause_id in mentioning:  # a mentioning article retrieval ranked too low
        doc_id = library.clause(clause_id).doc_id
        if doc_id not in best:
            best[doc_id] = Hit(clause_id, 0.0, 0, result.confidence, {}, ())
    if mentioning:
        best = dict(sorted(best.items(), key=lambda kv: not library.info(kv[0]).in_force))
        result = replace(result, confidence=1.0)  # the words are in the text: no threshold to pass
    if not cues.IN_FORCE_WORDS.search(query.content):
        for doc_id, hit in list(best.items()):
            # "Which regulations set the 30-day deadline?": the superseded version that said it too, after (and marked).
            older = library.info(doc_id).supersedes
            if older and older not in best and library.has_document(older):
                clause = library.clause(hit.clause_id)
                old = matching_clause(deps, clause, older)
                if old is not None and text_similarity(clause.text_zh, old.text_zh) >= SAME_RULE_RATIO:
                    best[older] = Hit(old.id, 0.0, 0, hit.confidence, {}, ())
    lines, items, citations = [], [], []
    for doc_id, hit in best.items():
        clause = library.clause(hit.clause_id)
        info = library.info(doc_id)
        zh_label, en_label = clause_label(clause)
        title_zh, title_en, sentence = _item_titles(clause, hit, query, deps)
        items.append(ListItem(clause.id, f"{document_name(info, 'zh', number=False)}{zh_label}",
                              f"{en_label}, {info.title_en}", title_zh, title_en,
                              "" if info.in_force else info.status_label("zh"), "" if info.in_force else info.status_label("en")))
        citations.append(make_citation(library, clause, (sentence,)))
    if query.lang == "zh":
        lines.append(f"有{len(items)}份文件涉及：" + "；".join(f"{i.label_zh}（{i.title_zh}）" for i in items) + "。")
    else:
        # The short names users know (SME Promotion Law, Guangdong SME Regulations); the full titles are in the list.
        def short(item: ListItem) -> str:
            info = library.info(library.clause(item.clause_id).doc_id)
            name = info.short_names_en[0] if info.short_names_en else info.title_en
            version = f" ({info.id[-4:]} version)" if info.supersedes or info.superseded_by else ""
            return f"{clause_label(library.clause(item.clause_id))[1]} of the {name}{version}"

        lines.append(f"{len(items)} document(s) cover it: " + "; ".join(f"{short(i)} ({i.title_en})" for i in items) + ".")
    return Answer(question=query.raw, lang=query.lang, status="listing", abstained=False, answer=lines[0],
                  intent=query.intent, items=tuple(items), citations=tuple(citations),
                  notes=notes_for(library, [i.clause_id for i in items], query.lang), confidence=result.confidence)



ITEM_CHARS_ZH, ITEM_CHARS_EN = 70, 180  # an article's fragment shown beside its document (characters)


def _item_titles(clause: Clause, hit: Hit, query: Query, deps: Deps) -> tuple[str, str, int]:
    """(zh, en, sentence index) to show for a document's article in a which-documents answer: a law's article has
    no title, so the fragment that answers the question ("…应当自货物交付之日起30日内支付款项"), cut to
    ``ITEM_CHARS_ZH`` / ``ITEM_CHARS_EN`` characters; a work plan's measure keeps its title."""
    if clause.kind != "article":
        return clause.title, clause.title_en, hit.sentence
    idx, zh, en = best_fragment(clause, hit.sentence_order, query, _tokenize(deps))
    zh = zh.rstrip("。；;，,")
    zh = zh if len(zh) <= ITEM_CHARS_ZH else zh[:ITEM_CHARS_ZH] + "…"
    en = en.rstrip(".;,") or clause.title_en
    en = en if len(en) <= ITEM_CHARS_EN else en[:ITEM_CHARS_EN].rsplit(" ", 1)[0] + " …"
    return zh, en, idx


# "Which documents mention X?" / 哪些文件提到了X: X is a term to find word for word, not a topic.
_MENTIONED = re.compile(r"\bmention(?:s|ed|ing)?\s+(?:the\s+|a\s+|an\s+)?[\"“'‘]?(?P<en>[^?\"”'’]{2,60}?)[\"”'’]?\s*\??$"
                        r"|(?:提到|提及|写到|出现)(?:了|过)?[“\"「]?(?P<zh>[^？?“”\"「」，。]{2,20}?)[”\"」]?"
                        r"(?:的|这个词|一词)?(?:规定|内容)?[？?。]?$")


def _mentioning(query: Query, library: Library) -> tuple[str, ...]:
    """The clauses (in scope) that contain the term a "which documents mention X" question names, else ()."""
    m = _MENTIONED.search(query.content)
    if not m:
        return ()
    term = (m.group("en") or m.group("zh") or "").strip()
    cjk = "".join(re.findall(r"[\u4e00-\u9fff（）()]+", term))
    if len(re.sub(r"[（）()]", "", cjk)) > 6 or len(term.split()) > 4:
        return ()  # 提到了拖欠中小企业款项: a topic in its own words, not a term
    if not cjk and not re.search(r"(?:[A-Z][\w-]*\s+){1,3}[A-Z][\w-]*|[\"“'‘]", query.raw):
        return ()  # "intellectual property pledge financing": a topic each rendering words its own way; "the Greater Bay Area" is a name
    # With the texts' own term for an everyday one (工商联 -> 工商业联合会), which retrieval reads after it.
    own_terms = [w for w in query.retrieval_text.split() if len(w) >= 2 and w not in query.content]
    found: tuple[str, ...] = ()
    for words in dict.fromkeys(w for w in (term, cjk) if len(w) >= 2):
        found = tuple(c.id for c in _clauses_mentioning(library, query, words))
        if found:
            break
    if found and own_terms:
        extra = {c.id for w in own_terms for c in _clauses_mentioning(library, query, w)}
        found += tuple(c.id for c in library.clauses if c.id in extra and c.id not in found)
    return found


def _clauses_mentioning(library: Library, query: Query, term: str) -> list[Clause]:
    """The clauses of the question's scope (every document when none) that contain ``term`` word for word."""
    scope = set(query.scope) if query.scope else None
    return [c for c in library.clauses if (scope is None or c.doc_id in scope) and c.mentions(term)]


MAX_MENTIONS = 40  # clauses listed at most; the count says how many there are


def handle_mentions(query: Query, deps: Deps) -> Answer:
    """Every clause (in the documents in scope) that contains the asked words, documents in force first:
    哪些条款提到审计机关 → 2025 payment regulation Art. 12, 27, 31, 33; 2020 Art. 11, 20; … Chinese terms are
    matched in the Chinese text, English terms in the English rendering (case ignored)."""
    library = deps.library
    term = query.mention_term
    found = sorted(_clauses_mentioning(library, query, term),
                   key=lambda c: not library.info(c.doc_id).in_force)  # stable: library order within each group
    if not found:
        return handle_topical(query, deps)
    shown = found[:MAX_MENTIONS]
    items = []
    for c in shown:
        info = library.info(c.doc_id)
        zh_label, en_label = clause_label(c)
        items.append(ListItem(c.id, f"{document_name(info, 'zh', number=False)}{zh_label}", f"{en_label}, {info.title_en}",
                              c.title, c.title_en, "" if info.in_force else info.status_label("zh"),
                              "" if info.in_force else info.status_label("en")))
    docs = len({c.doc_id for c in found})
    more_zh = f"（列出前{MAX_MENTIONS}条）" if len(found) > MAX_MENTIONS else ""
    more_en = f" (the first {MAX_MENTIONS} are listed)" if len(found) > MAX_MENTIONS else ""
    text = (f"提到“{term}”的条款共{len(found)}条，分布在{docs}份文件中{more_zh}。" if query.lang == "zh" else
            f"{len(found)} clause(s) in {docs} document(s) mention “{term}”{more_en}.")
    if alias := query.details.get("body_alias"):
        text = (f"文件中没有“{alias[0]}”这个名称，相应的是“{alias[1]}”。" if query.lang == "zh" else
                f"The texts do not use the name “{alias[0]}”; they name the {library.bodies[alias[1]].english} "
                f"({alias[1]}). ") + text
    return Answer(question=query.raw, lang=query.lang, status="listing", abstained=False, answer=text,
                  intent=query.intent, items=tuple(items),
                  citations=tuple(make_citation(library, c, ()) for c in shown[:10]),
                  notes=notes_for(library, [c.id for c in shown], query.lang), confidence=1.0)
