from __future__ import annotations

import os
import socket

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

PLAN = "suifuban-2007-42"


@pytest.fixture(autouse=True)
def _no_network(monkeypatch, request):
    """Unit tests never reach the network; loopback stays open for the app tests."""
    real_connect = socket.socket.connect

    def guarded(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and host not in ("127.0.0.1", "localhost", "::1") and not host.startswith("/"):
            raise RuntimeError(f"network access blocked in tests: {address}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    yield


FAKE_WEIGHTS = {"bm25-zh": 1.0, "bm25-en": 1.0, "dense-0": 1.0}


@pytest.fixture(scope="session")
def library():
    from qa.ingest.library import load_library

    return load_library()


@pytest.fixture(scope="session")
def fake_assistant(tmp_path_factory):
    """A real Assistant over the bundled library with a deterministic hashing encoder (no model files)."""
    from qa.assistant import Assistant, AssistantConfig

    config = AssistantConfig(index_dir=tmp_path_factory.mktemp("index"), encoders=("hashing-64",),
                             weights=FAKE_WEIGHTS, warm_up=False)
    return Assistant(config, progress=lambda _m: None)


@pytest.fixture(scope="session")
def real_assistant(tmp_path_factory):
    """The default assistant with the real bundled models, index built in a temp folder."""
    from qa.assistant import Assistant, AssistantConfig

    return Assistant(AssistantConfig(index_dir=tmp_path_factory.mktemp("real-index")), progress=lambda _m: None)


def plan_only():
    from qa.assistant import Selection

    return Selection(documents=(PLAN,))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_app(real_assistant, tmp_path_factory):
    """The real app on a free port, with its feedback SQLite file in a temp folder."""
    from qa.serve.app import launch
    from qa.serve.feedback import FeedbackStore

    store = FeedbackStore(tmp_path_factory.mktemp("data") / "feedback.sqlite3")
    demo, url = launch(real_assistant, store, port=free_port(), block=False)
    yield {"url": url, "store": store, "assistant": real_assistant}
    demo.close()
