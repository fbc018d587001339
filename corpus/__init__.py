"""The bundled policy library (package data of the wheel as ``qa.bundled_corpus``)."""
