"""Clause references: one or several clauses (or parts) by number, in any document.

Which document a bare 第十二条 means: a document named in the question, else the selected one, else
the only document that has one. Kinds only a work plan has (措施, 目标, measure, goal) point to the
work plan. When several documents have that article and none is chosen, the answer lists them.
An out-of-range number says what the document has.
"""

from __future__ import annotations

import re
from dataclasses import replace

from qa.answer.citation import _date_zh, check_with, clause_label, date_en, document_name, labels_with_document, make_citation, status_line
from qa.answer.handlers.common import Deps, ask_today, contacts_for, notes_for, simple_answer
from qa.answer.handlers.retrieval import (
    amounts_in,
    counterpart,
    figure_answer,
    liability_first,
    names_article,
    quote_answer,
)
from qa.answer.handlers.versions import version_note
from qa.answer.models import Answer, ListItem
from qa.index.tokenize import english_tokenize
from qa.models import Clause, Library
from qa.normalize import normalize
from qa.retrieve.retriever import Filters, Hit, SearchResult
from qa.understand import cues
from qa.understand.figures import figures_in
from qa.understand.query import Query, own_content
from qa.understand.references import Reference, local_id
from qa.understand.spans import blank

PLAN_KINDS = ("measure", "goal", "principle", "requirement", "guiding", "preamble")


def candidate_documents(ref: Reference, query: Query, library: Library) -> list[str]:
    """Documents the reference may point into, most likely first."""
    if ref.documents_hint:
        return [ref.documents_hint]
    if query.documents:
        return list(query.documents)
    plans = [d.id for d in library.documents if d.info.structure == "workplan"]
    if query.selected and not (ref.kind in PLAN_KINDS and not set(plans) & set(query.selected)):
        return list(query.selected)
    if ref.kind in PLAN_KINDS:  # 措施12 with only laws in force chosen: the plan's measure, said to be outside
        return plans
    number = ref.number
    docs = []
    for d in library.documents:
        if ref.kind == "article" and d.info.structure != "articles":
            continue
        ids = {c.local_id for c in d.clauses}
        if f"article-{number}" in ids or (ref.kind is None and f"measure-{number}" in ids):
            docs.append(d.id)
    # "第12条 广东": a place named beside the number keeps that place's documents (the Guangdong regulation).
    return [d for d in docs if d in query.places] or docs


def resolve(ref: Reference, doc_id: str, library: Library) -> Clause | None:
    """The clause ``ref`` names inside ``doc_id``, or None."""
    doc = library.document(doc_id)
    kinds = [ref.kind] if ref.kind else (["article"] if doc.info.structure == "articles" else ["measure"])
    if ref.kind == "article" and doc.info.structure == "workplan":
        kinds = ["measure"]
    if ref.kind in PLAN_KINDS and doc.info.structure == "articles":
        kinds = ["article"] if ref.kind == "measure" else []
    for kind in kinds:
        cid = f"{doc_id}/{local_id(kind, ref.number)}"
        if library.has_clause(cid):
            return library.clause(cid)
    return None


def _part(clause: Clause, ref: Reference) -> str | None:
    """The local part id a reference names, or None (no part asked, or none that exists)."""
    if ref.part is None:
        return None
    if clause.kind == "article":
        ids = {p.id for p in clause.parts}
        if ref.part_kind in ("item", "point") and not any(p.id.endswith(f".i{ref.part}") for p in clause.parts):
            ref_kind = "paragraph"  # 第二项 of an article without items: its second paragraph
        else:
            ref_kind = ref.part_kind
        if ref_kind == "item":
            return next((p.id for p in clause.parts if p.id.endswith(f".i{ref.part}")), None)
        if f"{clause.local_id}.p{ref.part}" in ids:
            return f"{clause.local_id}.p{ref.part}"
        return next((p.id for p in clause.parts if p.id.endswith(f".i{ref.part}")), None)
    pid = f"{clause.local_id}.{ref.part}"
    return pid if any(p.id == pid for p in clause.parts) else None


def _inventory(library: Library, doc_id: str, lang: str) -> str:
    """What a document has: 34条措施、4个目标、3项基本原则、3项工作要求 / 78 articles."""
    doc = library.document(doc_id)
    counts: dict[str, int] = {}
    for c in doc.clauses:
        counts[c.kind] = counts.get(c.kind, 0) + 1
    if lang == "zh":
        names = {"article": "条", "measure": "条措施", "goal": "个目标", "principle": "项基本原则", "requirement": "项工作要求"}
        return "、".join(f"{n}{names[k]}" for k, n in counts.items() if k in names)
    names = {"article": "articles", "measure": "measures", "goal": "goals", "principle": "principles",
             "requirement": "work requirements"}
    return ", ".join(f"{n} {names[k]}" for k, n in counts.items() if k in names)


def _not_in_library(query: Query, deps: Deps) -> Answer:
    """A clause of a document the library does not hold: say so and list what it holds."""
    titles_zh = "、".join(document_name(d.info, "zh", number=False) for d in deps.library.documents)
    titles_en = "; ".join(document_name(d.info, "en", number=False) for d in deps.library.documents)
    name = query.unknown_document or ""
    # The name as the user wrote it (the Query's text is lower-cased).
    found = re.search(r"\s+".join(re.escape(w) for w in name.split()), query.raw, re.IGNORECASE)
    name = found.group(0) if found else name
    shown = f"“{name}”" if name.isascii() else f"《{name}》"
    return simple_answer(query.raw, query.lang, "not_in_library", intent=query.intent,
                         zh=f"资料库中没有{shown}，无法查它的条文。资料库收录的文件是：{titles_zh}。",
                         en=f"The library does not hold {shown}, so its articles cannot be looked up. "
                            f"It holds: {titles_en}.")


def _sanction_of(query: Query, deps: Deps) -> Answer | None:
    """"广州条例违反第三十七条有什么罚则？": the article that names the one referred to and sets its sanction
    ("违反本条例第三十七条规定…依法追究法律责任"), quoted; None when the question asks no liability or no
    article of that document names it."""
    if "liability" not in query.asks or len(query.refs) != 1 or query.refs[0].part is not None:
        return None
    docs = candidate_documents(query.refs[0], query, deps.library)
    clause = resolve(query.refs[0], docs[0], deps.library) if len(docs) == 1 else None
    if clause is None or not clause.number:
        return None
    liable = liability_first(query, deps, Filters(documents=(clause.doc_id,)), (clause.id,))
    if liable is None or not liable.hits:
        return None
    first = deps.library.clause(liable.hits[0].clause_id)
    if first.id == clause.id or not names_article(first.text_zh, clause.number):
        return None
    return quote_answer(query, deps, first, liable.hits[0], liable)


def handle_clause_ref(query: Query, deps: Deps) -> Answer:
    """Each referenced clause (or part) quoted and cited; departments first when the question asks who."""
    library = deps.library
    if query.unknown_document and not query.selected:
        return _not_in_library(query, deps)
    if (sanction := _sanction_of(query, deps)) is not None:
        return sanction
    lines: list[str] = []
    bare_heads: dict[int, str] = {}  # line -> the same line without the clause's text
    citations = []
    counterparts: list = []
    contacts = []
    quotes_zh: list[str] = []
    quotes_en: list[str] = []
    status = "lookup"
    items: list[ListItem] = []
    asks_contact = "contact" in query.asks
    single = len(query.refs) == 1
    chosen_notes: list[str] = []
    for ref in query.refs:
        docs = candidate_documents(ref, query, library)
        if not docs:
            lines.append(_no_such(query, ref, library, None))
            status = "out_of_range"
            continue
        if len(docs) > 1 and not query.documents and not ref.documents_hint:
            found = [(d, resolve(ref, d, library)) for d in docs]
            found = [(d, c) for d, c in found if c]
            if len(found) > 1 and (picked := _by_topic(query, deps, ref, found)):
                # "What rewards are there under Article 23?": the one document whose Article 23 is on that topic,
                # with the others named.
                chosen_notes.append(_also_in(query, ref, [d for d, _c in found if d != picked.doc_id], library))
                found = [(picked.doc_id, picked)]
            if len(found) > 1:
                status = "ambiguous"
                if (line := _ambiguous(query, ref, found, library)) not in lines:
                    lines.append(line)
                items += [ListItem(c.id, *labels_with_document(library, c), c.title, c.title_en) for _d, c in found]
                continue
            docs = [found[0][0]] if found else docs
        clause = resolve(ref, docs[0], library)
        if clause is None:
            lines.append(_no_such(query, ref, library, docs[0]))
            status = "out_of_range"
            if last := _last_of_kind(ref, docs[0], library):
                citations.append(make_citation(library, last, ()))  # where the numbering ends, to check
            continue
        if query.selected and clause.doc_id not in query.selected:
            # 民促法第77条 with only the Guangdong regulation chosen: answered, and said to be outside the choice.
            name = document_name(library.info(clause.doc_id), query.lang, number=False)
            note = (f"（{name}不在所选的文件范围内；以上是问题所指的条文。）" if query.lang == "zh" else
                    f"(The {name} is outside the documents chosen; this is the clause the question points to.)")
            if note not in chosen_notes:
                chosen_notes.append(note)
        part_id = _part(clause, ref)
        if ref.part is not None and part_id is None:
            lines.append(_no_such_part(query, ref, clause))
            status = "out_of_range"
            citations.append(make_citation(library, clause, ()))
            continue
        if single and query.wants_figure and part_id is None and not asks_contact \
                and not query.details.get("count_departments"):
            order = deps.retriever.sentence_order(clause.id, query.content, query.channels)
            hit = Hit(clause.id, 1.0, order[0] if order else 0, 1.0, {}, order)
            answer = figure_answer(query, deps, clause, hit, SearchResult(query.content, (), 1.0), status="lookup")
            if chosen_notes:
                answer = replace(answer, answer="\n".join((answer.answer, *chosen_notes)))
            if premise := _false_premise(query, deps, [clause]):
                return replace(answer, answer=f"{premise[0]}\n{answer.answer}",
                               citations=answer.citations + ((premise[1],) if premise[1] else ()))
            return answer
        if part_id:
            quoted = tuple(s.index for s in clause.sentences if s.part == part_id or (s.part or "").startswith(part_id + "."))
        else:
            quoted = tuple(range(len(clause.sentences)))  # the clause asked for: all of it
        sentences = [clause.sentences[i] for i in quoted]
        zh = "".join(s.zh for s in sentences)
        en = " ".join(s.en for s in sentences if s.en)
        who = contacts_for(library, clause, list(clause.sentences) if not part_id else sentences)
        contacts += [c for c in who if c not in contacts]
        # "措施12谁配合？" of a clause that names no cooperating department: say so, then who leads.
        none_cooperates = asks_contact and not any(c.role == "cooperate" for c in who) and _ASKS_COOPERATING.search(query.content)
        if single and (roles := _named_roles(query, library, clause)):
            lines.append(roles)  # 市财政局在第一条里是牵头还是配合: leads parts 2 and 4, cooperates on 1 and 3
        elif single and (verdict := _role_verdict(query, who, clause)):
            lines.append(verdict)  # "Does 市经贸委 lead measure 4?": no, and who does, before the clause
        elif single and not query.departments and (said := _mention_verdict(query, clause, sentences)):
            lines.append(said)  # 第五条列的部门里有没有税务部门: whether the text names it, before the clause
        zh_label, en_label = clause_label(clause)
        part = next((p for p in clause.parts if p.id == part_id), None)
        info = library.info(clause.doc_id)
        gone = info.status == "superseded"
        if query.lang == "zh":
            head = f"{document_name(info, 'zh', number=False)}{zh_label}" + (part.label if part else "")
            if gone:
                head += f"（已失效：{_date_zh(info.superseded_from)}起被新版本取代）"
            lead_names = "、".join(c.name for c in who if c.role == "lead")
            coop_names = "、".join(c.name for c in who if c.role == "cooperate")
            dept = (f"由{lead_names}牵头" + (f"，{coop_names}配合" if coop_names else "")) if lead_names else ""
            if counted := _department_count(query, who, zh):
                more = "至少" if any(o for *_x, o in counted) else ""
                total = f"共涉及{more}{sum(n for _r, n, _x, _o in counted)}个部门，" if len(counted) > 1 else ""
                lines.append(f"{head}（{clause.title}）{total}" + "，".join(
                    f"{ROLE_ZH[role]}部门{'至少' if o else '共'}{n}个：{names}" for role, n, names, o in counted) + "。")
            if none_cooperates and dept and not counted:
                lines.append(f"{head}（{clause.title}）没有写明配合部门，{dept}。")
            elif asks_contact and dept and not counted and (split := _roles_by_part(library, clause, "zh", part_id)):
                # Measure 34: 市民营办 leads part 1 and cooperates on parts 2 and 3; one list per role hides that.
                lines.append(f"{head}（{clause.title}）各部分分工：{split}。")
            elif asks_contact and dept and not counted:
                lines.append(f"{head}（{clause.title}）{dept}。")
            else:
                lines.append(f"{head}（{clause.title}）：{zh}" + (f"（{dept}）" if dept and not single else ""))
                bare_heads[len(lines) - 1] = f"{head}（{clause.title}）："
                if asks_contact and not dept and who and single:
                    # 广州条例第三条，主管部门是谁: an article names bodies, not leads; named before its text.
                    lines.append(f"条文写明的部门：{'；'.join(c.name for c in who)}。")

        else:
            head = f"{en_label}" + (f", {part.label_en}" if part else "") + f" of the {document_name(info, 'en', number=False)}"
            if gone:
                head += f" (no longer in force: superseded from {date_en(info.superseded_from)})"
            lead_names = "; ".join(c.shown("en") for c in who if c.role == "lead")
            coop_names = "; ".join(c.shown("en") for c in who if c.role == "cooperate")
            dept = (f"led by the {lead_names}" + (f", with the {coop_names} cooperating" if coop_names else "")) if lead_names else ""
            if counted := _department_count(query, who, zh):
                more = "at least " if any(o for *_x, o in counted) else ""
                total = f"{more}{sum(n for _r, n, _x, _o in counted)} departments in all — " if len(counted) > 1 else ""
                lines.append(f"{head} ({clause.title_en}) names {total}" + "; ".join(
                    f"{'at least ' if o else ''}{n} {ROLE_EN[role]} department{'s' if n != 1 else ''}: {names}"
                    for role, n, names, o in counted) + ".")
            if none_cooperates and dept and not counted:
                lines.append(f"{head} ({clause.title_en}) names no cooperating department; it is {dept}.")
            elif asks_contact and dept and not counted and (split := _roles_by_part(library, clause, "en", part_id)):
                lines.append(f"{head} ({clause.title_en}), part by part: {split}.")
            elif asks_contact and dept and not counted:
                lines.append(f"{head} ({clause.title_en}) is {dept}.")
            else:
                lines.append(f"{head} ({clause.title_en}): {en or zh}" + (f" ({dept})" if dept and not single else ""))
                bare_heads[len(lines) - 1] = f"{head} ({clause.title_en}):"
                if asks_contact and not dept and who and single:
                    lines.append(f"Bodies the text names: {'; '.join(c.shown('en') for c in who)}.")
        quotes_zh.append(zh)
        quotes_en.append(en)
        citations.append(make_citation(library, clause, quoted, part_id))
        found = counterpart(deps, clause, query.lang)
        if found:
            counterparts.append(found)
            lines.append(found[0])
            citations.append(found[1])
    # A counterpart in force that the question also asks for ("article 8 of 2020 with article 9 of 2025") is
    # answered in its own right: no second note and citation.
    asked = {c.clause_id for c in citations if all(c is not f[1] for f in counterparts)}
    for note, citation in counterparts:
        if citation.clause_id in asked:
            lines.remove(note)
            citations.remove(citation)
    moved: list[str] = []
    if len(quotes_zh) == 1 and 0 in bare_heads:
        lines[0] = bare_heads[0]  # one clause, quoted under the answer: its label, not its text twice
        # The version in force comes after the text asked for (2020版第12条: its text, then 2025 Art. 13).
        moved = [note for note, _c in counterparts if note in lines]
        lines = [x for x in lines if x not in moved]
    if status == "lookup" and asks_contact and single and citations and cues.NOW.search(query.content) \
            and (info := library.info(library.clause(citations[0].clause_id).doc_id)).status == "historical":
        # "措施4 who do I contact now?": whom to ask today, before the plan's 2007 bodies.
        lines.insert(0, ask_today(library, info, query.lang) + ("；以下是该方案写的部门：" if query.lang == "zh" else
                                                                  "; the plan itself names:"))
    if status == "lookup" and (cues.VERSION_CHANGE.search(query.content) or cues.CLAUSE_HISTORY.search(query.content)) \
            and (note := version_note(deps, [library.clause(c) for c in dict.fromkeys(
                c.clause_id for c in citations if all(c is not f[1] for f in counterparts))], query.lang)):
        lines.insert(0, note)  # "第十五条是新增的吗" / "有什么不同": what the revision did, before the texts
    if status == "lookup" and "validity" in query.asks and citations:
        lines.insert(0, _clause_validity(query, library, library.clause(citations[0].clause_id)))
    if status == "lookup" and (premise := _false_premise(query, deps, [library.clause(c.clause_id) for c in citations])):
        lines.insert(0, premise[0])  # "第七十七条规定30天付款？": say no first, then what the article says
        if premise[1] is not None:
            citations.append(premise[1])
    lines += chosen_notes
    cited_ids = [c.clause_id for c in citations]
    return Answer(question=query.raw, lang=query.lang, status=status, abstained=False,
                  answer=("\n" if len(lines) > 1 else "").join(lines), intent=query.intent,
                  quote_zh="\n".join(quotes_zh) if len(quotes_zh) == 1 else "",
                  quote_en="\n".join(quotes_en) if len(quotes_en) == 1 else "",
                  citations=tuple(citations), departments=tuple(contacts), items=tuple(items),
                  notes=tuple(notes_for(library, cited_ids, query.lang)) + tuple(moved), confidence=1.0)


def _clause_validity(query: Query, library: Library, clause: Clause) -> str:
    """"民营经济促进法第七十七条仲有冇效？" / "Is measure 4 still valid?": whether the clause's text is in force,
    before the clause itself."""
    info = library.info(clause.doc_id)
    zh_label, en_label = clause_label(clause)
    if query.lang == "zh":
        name = f"{document_name(info, 'zh', number=False)}{zh_label}"
        if info.status == "in_force":
            return f"有效：{name}是现行规定（{status_line(info, 'zh')}）。"
        if info.status == "superseded":
            return f"已失效：{name}出自旧版本，{_date_zh(info.superseded_from)}起被新版本取代，现行规定以新版本为准。"
        return f"{name}出自{status_line(info, 'zh')}；是否仍在执行，请向{check_with(library, info, 'zh')}核实。"
    name = f"{en_label} of the {document_name(info, 'en', number=False)}"
    if info.status == "in_force":
        return f"Yes: {name} is in force ({status_line(info, 'en')})."
    if info.status == "superseded":
        return f"No: {name} is from an old version, superseded from {date_en(info.superseded_from)}; the new version's rules apply."
    return (f"Not necessarily: {name} is from {status_line(info, 'en')}. Check with {check_with(library, info, 'en')} "
            "whether it still applies.")



# "第五条列的部门里有没有税务部门？" / "Does Article 5 include the tax authorities?": is a term in the clause's text.
_MENTION_ASKED = re.compile(r"(?:有没有|有冇|是否(?:有|包括|包含|提到|列有)|包不包括|包括不包括|提没提到?)(?P<zh>[\u4e00-\u9fff]{2,12}?)(?:[吗呢？?]|$)"
                            r"|(?P<zh2>[\u4e00-\u9fff]{2,12}?)(?:在不在|在里面吗|在其中吗|算在内吗)"
                            r"|^(?:does|do|did|is|are)\b.{0,80}?\b(?:include|mention|list|name|cover)s? (?:the |a |an |any )?"
                            r"(?:(?P<zh3>[\u4e00-\u9fff]{2,12})|(?P<en>[a-z][a-z -]{2,40}?))\s*[?？]?$", re.IGNORECASE)
# Words of a term that say what kind of thing it is, not which: 税务部门 is found as 税务.
_KIND_SUFFIX = re.compile(r"(?:部门|机关|机构|单位|主管部门)$|\s(?:authorit(?:y|ies)|departments?|bureaus?|agenc(?:y|ies))$")


def _mention_verdict(query: Query, clause: Clause, sentences) -> str:
    """有 / 没有 (Yes / No) on whether the asked clause's text names a term, before the clause; "" when the question
    asks no such thing."""
    m = _MENTION_ASKED.search(query.content)
    if not m:
        return ""
    term = (m.group("zh") or m.group("zh2") or m.group("zh3") or m.group("en") or "").strip()
    core = _KIND_SUFFIX.sub("", term).strip() or term
    if len(core) < 2:
        return ""
    english = bool(m.group("en"))
    text = " ".join(s.en for s in sentences).lower() if english else "".join(s.zh for s in sentences)
    # English by each word's stem (funding ~ funds): a rendering words a term its own way.
    found = all(w[:max(4, len(w) - 3)] in text for w in re.findall(r"[a-z]{3,}", core.lower())) if english else core in text
    zh_label, en_label = clause_label(clause)
    if query.lang == "zh":
        return f"{'有' if found else '没有'}：{zh_label}{'提到了' if found else '没有提到'}“{core}”。"
    return f"{'Yes' if found else 'No'} — {en_label} {'names' if found else 'does not name'} “{core}”."


def _roles_by_part(library, clause: Clause, lang: str, part_id: str | None) -> str:
    """Each part's lead and cooperating departments (一是：市民营办牵头，各成员单位配合；二是：…), when the parts of a
    clause assign different roles; "" when they all share one assignment or a single part is asked."""
    if part_id:
        return ""
    labels = {p.id: (p.label, p.label_en) for p in clause.parts}
    seen: dict[str, object] = {}
    for s in clause.sentences:
        if s.assignment and s.part in labels:
            seen.setdefault(s.part, s.assignment)
    if len({(a.leads, a.cooperates) for a in seen.values()}) < 2:
        return ""
    out = []
    for part, a in seen.items():
        if lang == "zh":
            out.append(f"{labels[part][0]}：{a.raw.replace(',', '，')}")
        else:
            leads = "; ".join(library.department_english(d) for d in a.leads)
            coops = "; ".join(library.department_english(d) for d in a.cooperates)
            out.append(f"{labels[part][1]}: {leads}" + (f", with {coops} cooperating" if coops else ""))
    return ("；" if lang == "zh" else "; ").join(out)


def _named_roles(query: Query, library, clause: Clause) -> str:
    """The roles of the one department a question names in each task of ``clause`` that assigns it one, when the
    clause's tasks assign different departments ("市财政局在第一条里是牵头还是配合？": 一是 配合, 二是 牵头 …); ""
    otherwise (one assignment for the whole clause: the plain yes/no answers it)."""
    if len(query.departments) != 1 or query.departments[0].negated:
        return ""
    name = query.departments[0].name
    labels = {p.id: (p.label, p.label_en) for p in clause.parts}
    tasks: dict[str, tuple] = {}  # one entry per assignment (its raw text), in the clause's order
    for s in clause.sentences:
        # A clause with parts repeats its first part's assignment on its title sentence: the parts' own only.
        if s.assignment and s.assignment.raw not in tasks and (s.part in labels or not labels):
            tasks[s.assignment.raw] = (s, s.assignment)
    if len(tasks) < 2 or not any(name in a.leads + a.cooperates for _s, a in tasks.values()):
        return ""
    zh_label, en_label = clause_label(clause)
    out = []
    for raw, (s, a) in tasks.items():
        if name not in a.leads + a.cooperates:
            continue
        lead, both = name in a.leads, name in a.leads and name in a.cooperates
        if s.part in labels:
            where_zh, where_en = labels[s.part]
        else:
            task = re.split(r"[（(]", s.zh)[0].rstrip("，。；")
            where_zh = f"“{task[:24]}{'…' if len(task) > 24 else ''}”"
            where_en = f"“{(s.en or task)[:60]}{'…' if len(s.en or task) > 60 else ''}”"
        if query.lang == "zh":
            role = "负责" if lead and re.search(rf"{name[1:]}负责", raw) else "牵头" if lead else "配合"
            role = f"既{role}一项也配合另一项" if both else role
            out.append(f"{where_zh}：{role}（{raw.replace(',', '，')}）")
        else:
            out.append(f"{'leads one task and cooperates on another of' if both else 'leads' if lead else 'cooperates on'}"
                       f" {where_en}")
    verdict = ""
    if _ASKS_YES_NO.search(query.content):
        # "市经贸委牵头第一条吗": yes for the tasks it has that role in, and only those.
        role = "cooperates" if query.departments[0].role == "cooperate" else "leads"
        has = [name in (a.cooperates if role == "cooperates" else a.leads) for _s, a in tasks.values()]
        verdict = ("是：" if all(has) else "部分是：" if any(has) else "不是：") if query.lang == "zh" else \
            ("Yes — " if all(has) else "In part — " if any(has) else "No — ")
    if query.lang == "zh":
        return verdict + f"{name}在{zh_label}中的分工：" + "；".join(out) + "。"
    return verdict + f"The {library.department_english(name) or name} in {en_label}: " + "; ".join(out) + "."


# "措施12谁配合？" / "who cooperates on measure 12?": the cooperating departments asked for, not who leads.
_ASKS_COOPERATING = re.compile(r"配合|协助|\bco-?operat\w*|\bassist\w*", re.IGNORECASE)

ROLE_ZH = {"lead": "牵头", "cooperate": "配合", "responsible": "负责", "lead_or_responsible": "牵头或负责"}
ROLE_EN = {"lead": "lead", "cooperate": "cooperating", "responsible": "responsible", "lead_or_responsible": "lead or responsible"}

_ASKS_YES_NO = re.compile(r"吗[?？]?$|么[?？]?$|是否|是不是|系唔系|系咪|^(?:and |so )?(?:does|do|did|is|are|was)\b")


def _role_verdict(query: Query, who, clause: Clause) -> str:
    """"Does 市经贸委 lead measure 4?" / 第四条是市金融办牵头的吗: yes or no for the department and role asked,
    with who leads and who cooperates; "" when the question names no department or asks no yes/no."""
    if not query.departments or not _ASKS_YES_NO.search(query.content):
        return ""
    asked = query.departments[0]
    role = "cooperate" if asked.role == "cooperate" else "lead"  # "any" asks whether it leads, as 牵头 is typed most
    leads = [c for c in who if c.role == "lead"]
    coops = [c for c in who if c.role == "cooperate"]
    has = {c.name for c in (leads if role == "lead" else coops)}
    other = {c.name for c in (coops if role == "lead" else leads)}
    yes = (asked.name in has) != asked.negated
    zh_label, en_label = clause_label(clause)
    if query.lang == "zh":
        lead_zh = f"由{'、'.join(c.name for c in leads)}牵头" if leads else "没有写明牵头部门"
        coop_zh = f"，{'、'.join(c.name for c in coops)}配合" if coops else ""
        tail = (f"；{asked.name}是牵头部门" if asked.name in other and role == "cooperate"
                else "" if asked.name in has | other else f"；{zh_label}没有提到{asked.name}")
        return f"{'是' if yes else '不是'}：{zh_label}{lead_zh}{coop_zh}{tail}。"
    lead_en = f"{', '.join(c.shown('en') for c in leads)} lead{'s' if len(leads) == 1 else ''}" if leads else \
        "no lead department is named"
    coop_en = f"; cooperating: {', '.join(c.shown('en') for c in coops)}" if coops else ""
    tail = (f"; {asked.name} leads it" if asked.name in other and role == "cooperate"
            else "" if asked.name in has | other else f"; {en_label} does not name {asked.name}")
    return f"{'Yes' if yes else 'No'} — {en_label}: {lead_en}{coop_en}{tail}."


# Names a work plan gives to no single department (各有关部门负责, 各区、县级市政府负责): not counted as one.
_GENERIC_DEPARTMENT = re.compile(r"^(?:各|有关|相关|领导小组|成员单位)")


def _department_count(query: Query, who: list, text: str = "") -> list[tuple[str, int, str, bool]]:
    """For "how many departments lead measure 2?": (role label, how many, their names, whether the list is open)
    for the role asked, or for
    both roles when none is; empty when the question counts no departments or the clause names none.
    ``text`` is the quoted Chinese text: a list closed by 等 (市民营办、科技局等配合) is counted "at least", a
    generic name (各有关部门) is shown but not counted, and a lead written 负责 is called so."""
    asked = query.details.get("count_departments")
    if not asked or not who:
        return []
    zh = query.lang == "zh"
    out = []
    for role in ("lead", "cooperate"):
        contacts = [c for c in who if c.role == role]
        if not (asked in (role, "any") and (contacts or asked == role)):
            continue
        named = [c for c in contacts if not _GENERIC_DEPARTMENT.match(c.name)]
        generic = [c for c in contacts if _GENERIC_DEPARTMENT.match(c.name)]
        words = ("牵头", "负责") if role == "lead" else ("配合",)
        open_list = any(f"等{w}" in text for w in words)
        label = role
        if role == "lead" and "负责" in text and not re.search(r"牵头", text):
            label = "responsible"
        elif role == "lead" and re.search(r"负责[)）,，]", text):
            label = "lead_or_responsible"
        names = ("、" if zh else "; ").join(c.name if zh else c.shown("en") for c in named) or "—"
        if generic:
            names += (f"（另有泛指：{'、'.join(c.name for c in generic)}，不计入）" if zh else
                      f" (also named in general terms, not counted: {'; '.join(c.shown('en') for c in generic)})")
        if open_list:
            names += "（原文列举以“等”结尾，可能不止这些）" if zh else " (the text's list ends with 等 “etc.”, so there may be more)"
        out.append((label, len(named), names, open_list))
    return out


def _false_premise(query: Query, deps: Deps, clauses: list[Clause]) -> tuple[str, object] | None:
    """(a "no" line, the citation of the clause that does state it or None) when the question asserts a figure
    (规定30天付款？) that none of the clauses asked for states; else None."""
    # A duration or share first (figures_in: a version's year, 2020年版, is none), else a sum of money.
    figure = next(iter(figures_in(query.content)), None)
    money = None if figure else next(iter(amounts_in(query.content, english=True)), None)
    if not (figure or money) or not clauses:
        return None

    def states(clause: Clause) -> bool:
        text = normalize(clause.text_zh)
        if figure:
            return any(f.unit == figure.unit and f.covers(figure.value) for f in figures_in(text))
        return money[1] in {v for _, v in amounts_in(text)}

    if any(states(c) for c in clauses):
        return None
    labels_zh = "、".join(labels_with_document(deps.library, c)[0] for c in clauses)
    labels_en = "; ".join(labels_with_document(deps.library, c)[1] for c in clauses)
    shown = figure.shown if figure else money[0]
    # Where the library does state it, on the question's topic (30天付款 -> the payment regulation's Article 9).
    topic = blank(query.content, [(r.start, r.end) for r in query.refs])
    found = deps.retriever.search(topic, lang=query.channels, k=10)
    stating = next((c for c in (deps.library.clause(h.clause_id) for h in found.hits) if states(c)), None)
    if query.lang == "zh":
        line = f"不是：{labels_zh}没有规定“{shown}”。"
        if stating:
            line += f"“{shown}”见{labels_with_document(deps.library, stating)[0]}。"
    else:
        line = f"No — {labels_en} says nothing of “{shown}”."
        if stating:
            line += f" “{shown}” is in {labels_with_document(deps.library, stating)[1]}."
    return line, (make_citation(deps.library, stating, ()) if stating else None)


def _no_such(query: Query, ref: Reference, library: Library, doc_id: str | None) -> str:
    docs = [doc_id] if doc_id else [d.id for d in library.documents]
    if query.lang == "zh":
        have = "；".join(f"{document_name(library.info(d), 'zh', number=False)}共有{_inventory(library, d, 'zh')}" for d in docs)
        return f"没有“{ref.text.strip()}”：{have}。"
    have = "; ".join(f"the {library.info(d).title_en} has {_inventory(library, d, 'en')}" for d in docs)
    return f"There is no {ref.text.strip()}: {have}."


def _last_of_kind(ref: Reference, doc_id: str, library: Library) -> Clause | None:
    """The last clause of the kind ``ref`` names (第40条 of a plan with 34 measures: measure 34), or None."""
    doc = library.document(doc_id)
    kind = ref.kind if ref.kind in {c.kind for c in doc.clauses} else ("article" if doc.info.structure == "articles"
                                                                       else "measure")
    same = [c for c in doc.clauses if c.kind == kind]
    return same[-1] if same and ref.number and ref.number > len(same) else None


def _no_such_part(query: Query, ref: Reference, clause: Clause) -> str:
    zh_label, en_label = clause_label(clause)
    n = len([p for p in clause.parts if "." in p.id and not p.id.split(".")[-1].startswith("i")]) or len(clause.parts)
    if query.lang == "zh":
        return (f"{zh_label}（{clause.title}）没有第{ref.part}部分：它共有{n}部分。" if n else
                f"{zh_label}（{clause.title}）没有第{ref.part}部分：它只有一段，不分款、项。")
    return (f"{en_label} ({clause.title_en}) has no part {ref.part}: it has {n} parts." if n else
            f"{en_label} ({clause.title_en}) has no part {ref.part}: it is a single paragraph.")


# The best-matching candidate must be among the topic's first TOPIC_RANK hits and the next candidate
# not among its first TOPIC_GAP.
TOPIC_RANK = 5
TOPIC_GAP = 10


def _by_topic(query: Query, deps: Deps, ref: Reference, found: list[tuple[str, Clause]]) -> Clause | None:
    """Of several documents' clauses with the number asked, the one the question's own topic clearly points to.

    Returns None when the question has no topic beyond the reference or the topic does not single one out.
    """
    rest = blank(query.content, [(r.start, r.end) for r in query.refs])
    topic = own_content(rest)
    if sum("\u4e00" <= ch <= "\u9fff" for ch in topic) < 3 and len(english_tokenize(topic)) < 2:
        return None  # "What does Article 9 require?" names no topic
    docs = {d for d, _c in found}
    # A superseded version whose successor is a candidate too: the successor speaks (its answer notes the old text).
    ids = {c.id for d, c in found if deps.library.info(d).superseded_by not in docs}
    result = deps.retriever.search(rest, lang=query.channels, k=100, filters=Filters(documents=tuple(d for d, _c in found)))
    ranked = [(n, h) for n, h in enumerate(result.hits) if h.clause_id in ids]
    if not ranked or ranked[0][0] >= TOPIC_RANK:
        return None
    if len(ranked) > 1 and ranked[1][0] < TOPIC_GAP:
        return None
    return deps.library.clause(ranked[0][1].clause_id)


def _also_in(query: Query, ref: Reference, others: list[str], library: Library) -> str:
    """"Other documents also have an Article 23": named, so the user can ask for theirs."""
    if query.lang == "zh":
        names = "、".join(document_name(library.info(d), "zh", number=False) for d in others)
        return f"（按问题内容选了这一份；{names}也有第{ref.number}条，需要时请写明文件名。）"
    names = "; ".join(document_name(library.info(d), "en", number=False) for d in others)
    return (f"(Chosen by the question's topic; {names} also have an Article {ref.number}: name the document "
            f"to see theirs.)")


def _ambiguous(query: Query, ref: Reference, found: list[tuple[str, Clause]], library: Library) -> str:
    """"8 documents have an Article 5 (6, 7): choose one". One line for a list (第5-7条), so each ref yields the same
    line and it is shown once."""
    numbers = list(dict.fromkeys(r.number for r in query.refs if r.number and not r.documents_hint)) or [ref.number]
    if query.lang == "zh":
        listed = "、".join(f"第{n}条" for n in numbers)
        return f"有{len(found)}份文件有{listed}，请选定文件或在问题中写明文件名（如“民营经济促进法第{numbers[0]}条”）。"
    listed = (f"articles {', '.join(str(n) for n in numbers[:-1])} and {numbers[-1]}" if len(numbers) > 1
              else f"an article {numbers[0]}")
    return (f"{len(found)} documents have {listed}; choose a document or name it in the question "
            f"(e.g. 'Article {numbers[0]} of the Private Economy Promotion Law').")
