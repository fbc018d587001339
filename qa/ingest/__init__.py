"""Ingest stage: parse source texts (work plans, laws) and build documents and the library."""
