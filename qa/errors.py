"""Every error the package raises on purpose; each message says what to do next."""

from __future__ import annotations


class QAError(Exception):
    """Base class: catch this to handle any zhengce-qa failure."""


class ParseError(QAError):
    """The source text does not have the shape of a law, regulation or work plan.

    Carries the 1-based line number so the message can point at the problem.
    """

    def __init__(self, message: str, *, line: int | None = None) -> None:
        self.line = line
        prefix = f"line {line}: " if line is not None else ""
        super().__init__(prefix + message)


class CorpusError(QAError):
    """Library data (metadata, repairs, translation, glossary) is missing or inconsistent with the source."""


class UnknownClauseError(QAError):
    """A clause id that matches no clause."""


class IndexStateError(QAError):
    """The index on disk is missing, stale, corrupt or built for another encoder."""


class QueryError(QAError):
    """A question that cannot be processed (for example, far too long)."""


class EncoderError(QAError):
    """An embedding model could not be loaded or used."""


class FeedbackError(QAError):
    """Feedback could not be stored."""


class IngestError(QAError):
    """A document could not be added to the library (nothing was changed)."""
