"""Understand stage: one place decides what a question asks (``Query``, intents, conversations)."""
