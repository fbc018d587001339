"""Feedback on answers (👍/👎 + comment), stored in a real SQLite file.

- One row per answer: the app gives each answer a key (conversation id + turn); rating it again, or
  adding a comment, updates that row instead of adding one.
- WAL journal and a busy timeout, one connection per thread: concurrent writers wait, never drop rows.
- The schema is versioned (``PRAGMA user_version``) with forward migrations, so a later release
  opens a file written by an earlier one.
- Any storage failure (read-only file, locked database, full disk) raises ``FeedbackError`` so the
  caller can say "feedback not saved" and keep serving answers.
- The CSV export neutralises cells a spreadsheet would run as formulas (CWE-1236); the JSON export is exact.
- ``RateLimiter`` bounds what one client can write per minute, and the store refuses new rows past
  ``MAX_ROWS`` with a log line, so a script cannot fill the disk.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import sqlite3
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from pathlib import Path

from qa.errors import FeedbackError
from qa.paths import feedback_db

log = logging.getLogger(__name__)
MAX_COMMENT_CHARS = 2000
MAX_ROWS = 200_000  # ~100 MB of feedback; beyond this the store refuses new rows (and logs why)
# Cells that Excel / WPS would evaluate as a formula when they start a cell (OWASP CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")

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
    """ALTER TABLE feedback ADD COLUMN conversation_id TEXT NOT NULL DEFAULT '';
       ALTER TABLE feedback ADD COLUMN ui_lang TEXT NOT NULL DEFAULT '';
       ALTER TABLE feedback ADD COLUMN answer_key TEXT;
       ALTER TABLE feedback ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
       CREATE UNIQUE INDEX feedback_answer_key ON feedback(answer_key) WHERE answer_key IS NOT NULL""",
)
SCHEMA_VERSION = len(MIGRATIONS)


def db_path_from_env() -> Path:
    return feedback_db()


def csv_safe(value: object) -> str:
    """A cell a spreadsheet shows as text: one that starts like a formula gets a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


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
    conversation_id: str = ""
    ui_lang: str = ""
    answer_key: str | None = None
    updated_at: str = ""


class FeedbackStore:
    """Append-only feedback log.

    Example:
        >>> store = FeedbackStore(Path("feedback.sqlite3"))  # doctest: +SKIP
        >>> store.record(question="研发投入能税前抵扣吗？", lang="zh", clause_ids=["measure-13"], rating=1)
        1
    """

    def __init__(self, path: Path | str | None = None, *, timeout_s: float = 10.0) -> None:
        self.path = Path(path) if path else feedback_db()
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
        except (sqlite3.Error, OSError, ValueError) as e:
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
                    for statement in MIGRATIONS[n].split(";"):
                        if statement.strip():
                            conn.execute(statement)
                    conn.execute(f"PRAGMA user_version = {n + 1}")
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
        except sqlite3.Error as e:
            raise FeedbackError(f"cannot prepare the feedback database {self.path}: {e}") from e

    def record(self, *, question: str, lang: str, clause_ids: list[str], rating: int, comment: str = "",
               answer_status: str = "", conversation_id: str = "", ui_lang: str = "",
               answer_key: str | None = None) -> int:
        """Store a rating (+1 / -1) and returns the row id.

        With ``answer_key`` (one per answer), a second rating or a comment updates that answer's row.

        Raises:
            FeedbackError: a bad rating, the store full (``MAX_ROWS``), or a storage failure.
        """
        if rating not in (1, -1):
            raise FeedbackError(f"rating must be 1 (👍) or -1 (👎), not {rating!r}")
        comment = (comment or "")[:MAX_COMMENT_CHARS]
        question = (question or "")[:MAX_COMMENT_CHARS]
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        conn = self._connect()
        try:
            if answer_key:
                row = conn.execute("SELECT id FROM feedback WHERE answer_key = ?", (answer_key,)).fetchone()
                if row:
                    conn.execute("UPDATE feedback SET rating = ?, comment = CASE WHEN ? = '' THEN comment ELSE ? END, "
                                 "updated_at = ?, answer_status = ?, ui_lang = ? WHERE id = ?",
                                 (rating, comment, comment, now, answer_status, ui_lang, row[0]))
                    return int(row[0])
            count = conn.execute("SELECT COUNT(*) FROM feedback").fetchone()[0]
            if count >= MAX_ROWS:
                log.error("feedback store %s is full (%d rows, limit %d); refusing new rows", self.path, count, MAX_ROWS)
                raise FeedbackError(f"the feedback store is full ({MAX_ROWS:,} rows); export and archive it "
                                    "(`qa feedback export`) before collecting more")
            cur = conn.execute(
                "INSERT INTO feedback (created_at, question, lang, clause_ids, rating, comment, answer_status, "
                "conversation_id, ui_lang, answer_key, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (now, question, lang, json.dumps(list(clause_ids), ensure_ascii=False), rating, comment, answer_status,
                 conversation_id, ui_lang, answer_key, now))
            return int(cur.lastrowid)
        except sqlite3.Error as e:
            raise FeedbackError(f"feedback not saved ({e}); the database {self.path} may be read-only or locked") from e

    def has_answer(self, answer_key: str) -> bool:
        """Whether the answer ``answer_key`` has been rated already (an indexed lookup, not a scan)."""
        conn = self._connect()
        try:
            return conn.execute("SELECT 1 FROM feedback WHERE answer_key = ?", (answer_key,)).fetchone() is not None
        except sqlite3.Error as e:
            raise FeedbackError(f"cannot read feedback from {self.path}: {e}") from e

    def comment(self, *, answer_key: str, comment: str) -> bool:
        """Add or replace the comment of a rated answer; False if that answer has no row yet."""
        conn = self._connect()
        try:
            cur = conn.execute("UPDATE feedback SET comment = ?, updated_at = ? WHERE answer_key = ?",
                               ((comment or "")[:MAX_COMMENT_CHARS], dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                                answer_key))
            return cur.rowcount > 0
        except sqlite3.Error as e:
            raise FeedbackError(f"comment not saved ({e}); the database {self.path} may be read-only or locked") from e

    _COLUMNS = ("id, created_at, question, lang, clause_ids, rating, comment, answer_status, conversation_id, ui_lang, "
                "answer_key, updated_at")

    def rows(self) -> list[FeedbackRow]:
        """Every row, oldest first (``FeedbackError`` if the file cannot be read)."""
        conn = self._connect()
        try:
            cur = conn.execute(f"SELECT {self._COLUMNS} FROM feedback ORDER BY id")
            return [FeedbackRow(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6], r[7], r[8], r[9], r[10], r[11])
                    for r in cur]
        except sqlite3.Error as e:
            raise FeedbackError(f"cannot read feedback from {self.path}: {e}") from e

    def export_csv(self) -> str:
        """All rows as CSV, each text cell neutralised against spreadsheet formulas (see ``csv_safe``)."""
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(["id", "created_at", "question", "lang", "clause_ids", "rating", "comment", "answer_status",
                         "conversation_id", "ui_lang", "updated_at"])
        for r in self.rows():
            writer.writerow([r.id, csv_safe(r.created_at), csv_safe(r.question), csv_safe(r.lang),
                             csv_safe(" ".join(r.clause_ids)), r.rating, csv_safe(r.comment), csv_safe(r.answer_status),
                             csv_safe(r.conversation_id), csv_safe(r.ui_lang), csv_safe(r.updated_at)])
        return buf.getvalue()

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None


class RateLimiter:
    """At most ``per_minute`` events per client in any 60 s window (thread-safe, memory bounded).

    Example:
        >>> limiter = RateLimiter(per_minute=2)
        >>> [limiter.allow("1.2.3.4") for _ in range(3)]
        [True, True, False]
    """

    def __init__(self, *, per_minute: int = 30, max_clients: int = 10_000) -> None:
        self.per_minute = per_minute
        self.max_clients = max_clients
        self._events: dict[str, deque] = defaultdict(deque)
        self._lock = threading.Lock()

    def allow(self, client: str, *, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        with self._lock:
            if len(self._events) > self.max_clients:  # forget idle clients rather than grow without bound
                for key in [k for k, v in self._events.items() if not v or now - v[-1] > 60][: self.max_clients // 2]:
                    del self._events[key]
            events = self._events[client]
            while events and now - events[0] > 60:
                events.popleft()
            if len(events) >= self.per_minute:
                return False
            events.append(now)
            return True
