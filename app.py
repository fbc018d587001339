"""Web app entry point: ``python app.py [--host 127.0.0.1] [--port 7860]``.

Environment fallbacks: QA_HOST, QA_PORT, QA_FEEDBACK_DB, QA_INDEX_DIR, QA_CORPUS_DIR, QA_MODELS, and QA_AUTH="user:password"
to require a staff login (off by default).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")
# Two cores and a queue of two workers: one BLAS/OpenMP thread per request, or they oversubscribe.
for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="zhengce-qa web app")
    parser.add_argument("--host", default=os.environ.get("QA_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("QA_PORT", "7860")))
    parser.add_argument("--db", default=os.environ.get("QA_FEEDBACK_DB"), help="feedback SQLite file")
    args = parser.parse_args(argv)
    started = time.time()
    from qa.assistant import Assistant
    from qa.serve.app import launch
    from qa.serve.feedback import FeedbackStore

    auth = None
    if os.environ.get("QA_AUTH"):
        user, _, password = os.environ["QA_AUTH"].partition(":")
        if not user or not password:
            sys.stderr.write("QA_AUTH must be user:password\n")
            return 2
        auth = (user, password)
    assistant = Assistant()
    store = FeedbackStore(args.db)
    print(f"[qa] assistant ready in {time.time() - started:.1f} s; serving on http://{args.host}:{args.port}",
          file=sys.stderr)
    launch(assistant, store, host=args.host, port=args.port, auth=auth, block=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
