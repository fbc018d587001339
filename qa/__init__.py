"""zhengce-qa: bilingual question answering over Chinese government policy documents."""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["Assistant", "AssistantConfig", "Selection", "__version__"]


def __getattr__(name: str):
    # Lazy: `qa clauses` should not pay for loading torch and the models.
    if name in ("Assistant", "AssistantConfig", "Selection"):
        from qa import assistant

        return getattr(assistant, name)
    raise AttributeError(name)
