"""Feedback on answers (👍/👎 + comment), stored in a real SQLite file.

- WAL journal and a busy timeout, one connection per thread: concurrent writers wait, never drop rows.
- The schema is versioned (``PRAGMA user_version``) with forward migrations, so a later release
  opens a file written by an earlier one.
- Any storage failure (read-only file, locked database, full disk) raises ``FeedbackError`` so the
  caller can say "feedback not saved" and keep serving answers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from qa.errors import FeedbackError

log = logging.getLogger(__name__)
DEFAULT_DB = Path(__file__).resolve().parent.parent / "data" / "feedback.sqlite3"
MAX_COMMENT_CHARS = 2000

# Migration n brings a database from user_version n to n + 1. Append only; never edit a shipped one.
MIGRATIONS: tuple[str, ...] = (
    """CREATE TABLE feedback (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created_at TEXT NOT NULL,
        question TEXT NOT NULL,
        lang TEXT NOT NULL,
        clause_ids TEXT NOT NULL,
        rating INTEGER NOT NULL CHECK (rating IN (-1, 1)),
        comment TEXT NOT NULL DEFAULT ''
    )""",
    """ALTER TABLE feedback ADD COLUMN answer_status TEXT NOT NULL DEFAULT ''""",
)
SCHEMA_VERSION = len(MIGRATIONS)


def db_path_from_env() -> Path:
    return Path(os.environ.get("QA_FEEDBACK_DB", DEFAULT_DB))


@dataclass(frozen=True)
class FeedbackRow:
    id: int
    created_at: str
    question: str
    lang: str
    clause_ids: list[str]
    rating: int
    comment: str
    answer_status: str


class FeedbackStore:
    """Append-only feedback log.

    Example:
        >>> store = FeedbackStore(Path("/tmp/fb.sqlite3"))  # doctest: +SKIP
        >>> store.record(question="研发投入能税前抵扣吗？", lang="zh", clause_ids=["measure-13"], rating=1)
        1
    """

    def __init__(self, path: Path | str | None = None, *, timeout_s: float = 10.0) -> None:
        self.path = Path(path) if path else db_path_from_env()
        self.timeout_s = timeout_s
        self._local = threading.local()
        self._migrate_lock = threading.Lock()
        self._migrated = False

    def _connect(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            return conn
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=self.timeout_s, isolation_level=None)
            conn.execute(f"PRAGMA busy_timeout = {int(self.timeout_s * 1000)}")
            conn.execute("PRAGMA synchronous = NORMAL")
        except (sqlite3.Error, OSError) as e:
            raise FeedbackError(f"cannot open the feedback database {self.path}: {e}; "
                                "check that the folder exists and is writable (QA_FEEDBACK_DB)") from e
        # The WAL switch and the migrations run once per store, before any thread writes:
        # WAL is a property of the file, so later connections need not (and should not race to) set it.
        with self._migrate_lock:
            if not self._migrated:
                self._prepare(conn)
                self._migrated = True
        self._local.conn = conn
        return conn

    def _prepare(self, conn: sqlite3.Connection) -> None:
        try:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                log.warning("feedback database %s is in %s mode, not WAL", self.path, mode)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise FeedbackError(f"{self.path} has schema version {version}, newer than this release "
                                    f"({SCHEMA_VERSION}); upgrade zhengce-qa")
            for n in range(version, SCHEMA_VERSION):
                conn.execute("BEGIN IMMEDIATE")
                try:
                    conn.execute(MIGRATIONS[n])
                    conn.execute(f"PRAGMA user_version = {n + 1}")
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
        except sqlite3.Error as e:
            raise FeedbackError(f"cannot prepare the feedback database {self.path}: {e}") from e

    def record(self, *, question: str, lang: str, clause_ids: list[str], rating: int, comment: str = "",
               answer_status: str = "") -> int:
        """Store one rating (+1 / -1); returns the row id. Raises ``FeedbackError`` if it could not be saved."""
        if rating not in (1, -1):
            raise FeedbackError(f"rating must be 1 (👍) or -1 (👎), not {rating!r}")
        comment = (comment or "")[:MAX_COMMENT_CHARS]
        question = (question or "")[:MAX_COMMENT_CHARS]
        conn = self._connect()
        try:
            cur = conn.execute(
                "INSERT INTO feedback (created_at, question, lang, clause_ids, rating, comment, answer_status) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), question, lang,
                 json.dumps(list(clause_ids), ensure_ascii=False), rating, comment, answer_status))
            return int(cur.lastrowid)
        except sqlite3.Error as e:
            raise FeedbackError(f"feedback not saved ({e}); the database {self.path} may be read-only or locked") from e

    def rows(self) -> list[FeedbackRow]:
        conn = self._connect()
        try:
            cur = conn.execute("SELECT id, created_at, question, lang, clause_ids, rating, comment, answer_status "
                               "FROM feedback ORDER BY id")
            return [FeedbackRow(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6], r[7]) for r in cur]
        except sqlite3.Error as e:
            raise FeedbackError(f"cannot read feedback from {self.path}: {e}") from e

    def export_csv(self) -> str:
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(["id", "created_at", "question", "lang", "clause_ids", "rating", "comment", "answer_status"])
        for r in self.rows():
            writer.writerow([r.id, r.created_at, r.question, r.lang, " ".join(r.clause_ids), r.rating, r.comment,
                             r.answer_status])
        return buf.getvalue()

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
