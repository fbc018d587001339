"""Retrieve stage: hybrid ranking of clauses within a scope of documents."""
