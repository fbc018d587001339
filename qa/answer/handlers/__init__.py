"""One handler per intent; ``HANDLERS`` maps the intent names of ``qa.understand.intents`` to them."""

from __future__ import annotations

from qa.answer.handlers.clarify import handle_needs_context
from qa.answer.handlers.clauses import handle_clause_ref
from qa.answer.handlers.documents import handle_document, handle_validity
from qa.answer.handlers.listings import (
    handle_department,
    handle_department_tally,
    handle_group_listing,
    handle_mentions,
    handle_which_documents,
)
from qa.answer.handlers.retrieval import handle_contact, handle_figure, handle_topical
from qa.answer.handlers.versions import handle_compare_versions

HANDLERS = {
    "needs_context": handle_needs_context,
    "document": handle_document,
    "compare_versions": handle_compare_versions,
    "validity": handle_validity,
    "clause_ref": handle_clause_ref,
    "mentions": handle_mentions,
    "department_tally": handle_department_tally,
    "department": handle_department,
    "group_listing": handle_group_listing,
    "which_documents": handle_which_documents,
    "contact": handle_contact,
    "figure": handle_figure,
    "topical": handle_topical,
}
