"""Run a system over gold questions: ``collect(questions, bot) -> list[Outcome]``.

Each question is asked within its ``documents`` (the selection it was written for) and with its
``history``; the search ranking (top 10) feeds the ranking metrics, the answer the answer metrics.
"""

from __future__ import annotations

from collections.abc import Callable

from qa.evaluation.gold import GoldQuestion
from qa.evaluation.metrics import Outcome

# Intents whose answer abstains when the retrieval evidence is below the threshold.
THRESHOLD_INTENTS = frozenset({"topical", "figure", "contact", "group_listing", "which_documents"})


def collect(questions: list[GoldQuestion], bot, *, progress: Callable[[str], None] | None = None) -> list[Outcome]:
    """Ask every question (the assistant should be built with thresholds 0 to allow recalibration)."""
    from qa.assistant import Selection
    from qa.errors import QAError

    outcomes = []
    for n, q in enumerate(questions, 1):
        selection = Selection(documents=q.documents) if q.documents else None
        try:
            # A follow-up is ranked with its conversation, as it is answered (before session 22 it was ranked alone).
            ranking = [h.clause_id for h in bot.search(q.question, k=10, selection=selection, history=list(q.history)).hits]
        except QAError:
            ranking = []
        answer = bot.ask(q.question, history=list(q.history), selection=selection)
        answered = [c.clause_id for c in answer.citations]
        answered += [i.clause_id for i in answer.items if i.clause_id not in answered]
        if answer.items and answer.intent in ("department", "department_tally", "group_listing"):
            answered = [i.clause_id for i in answer.items]
        top = (answered or list(answer.suggestions) or [None])[0]
        structure = bot.library.info(bot.library.clause(top).doc_id).structure if top else "workplan"
        outcomes.append(Outcome(question=q, ranking=ranking, answered=answered, structure=structure,
                                abstained=answer.abstained or answer.status == "greeting", shown=answer.visible_text(),
                                intent=answer.intent, confidence=answer.confidence,
                                threshold_applies=answer.intent in THRESHOLD_INTENTS and not answer.abstained
                                and not answer.context_from))
        if progress and n % 100 == 0:
            progress(f"{n}/{len(questions)} questions")
    return outcomes
