"""Serve stage: the Gradio app, its HTML rendering, UI strings and the feedback store."""
