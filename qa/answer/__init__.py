"""Answer stage: one handler per intent; extractive, cited answers and honest abstentions."""
