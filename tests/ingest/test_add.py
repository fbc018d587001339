"""``qa ingest``: a document is added whole or not at all, and bad files get a clear error."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from qa.errors import IngestError, ParseError
from qa.ingest.add import MAX_INGEST_BYTES, ingest
from qa.ingest.library import load_library

ROOT = Path(__file__).resolve().parents[2]
LAW = (ROOT / "tests" / "ingest" / "test_legal.py").read_text(encoding="utf-8").split('LAW = """', 1)[1].split('"""', 1)[0]


@pytest.fixture()
def corpus(tmp_path, library):
    root = tmp_path / "corpus"
    shutil.copytree(library.root, root, ignore=shutil.ignore_patterns("__pycache__", "__init__.py"))
    return root


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_ingest_adds_a_document_and_reports_its_structure(tmp_path, corpus):
    src = _write(tmp_path, "law.txt", LAW.encode("utf-8"))
    report = ingest(src, doc_id="example-regulation-2024", corpus=corpus, kind="local_regulation", level="municipal",
                    issuer="示例市人大常委会")
    assert (report.chapters, report.clauses, report.paragraphs, report.items) == (2, 4, 5, 2)
    assert report.dates == {"adopted": "2024-01-02", "effective": "2024-05-01"}
    assert (corpus / "example-regulation-2024" / "source.txt").read_bytes() == src.read_bytes()  # byte for byte
    library = load_library(corpus)
    assert len(library.documents) == 9
    assert library.clause("example-regulation-2024/article-2").text_zh.startswith("本条例所称企业")
    assert not [p for p in corpus.iterdir() if p.name.startswith(".ingest-")]


@pytest.mark.parametrize("doc_id", ["bad/id", "../escape", "has space", "UPPER-case", "a", "x--y", "", "中文编号"])
def test_bad_document_ids_are_refused(tmp_path, corpus, doc_id):
    src = _write(tmp_path, "law.txt", LAW.encode("utf-8"))
    with pytest.raises(IngestError, match="not valid"):
        ingest(src, doc_id=doc_id, corpus=corpus)
    assert len(load_library(corpus).documents) == 8


def test_an_existing_id_is_refused(tmp_path, corpus):
    src = _write(tmp_path, "law.txt", LAW.encode("utf-8"))
    with pytest.raises(IngestError, match="already in the library"):
        ingest(src, doc_id="sme-promotion-law-2017", corpus=corpus)


@pytest.mark.parametrize(("data", "message"), [
    (b"", "is empty"),
    (b"\x00\x01\x02binary\x00" * 100, "binary"),
    ("第一条 只有一条没有标题".encode("big5", errors="ignore") + b"\xff\xfe\xfa", "neither UTF-8 nor GB18030"),
])
def test_unreadable_files_are_refused(tmp_path, corpus, data, message):
    src = _write(tmp_path, "bad.txt", data)
    with pytest.raises(IngestError, match=message):
        ingest(src, doc_id="bad-file", corpus=corpus)
    assert not (corpus / "bad-file").exists()


def test_a_huge_file_is_refused_before_it_is_read(tmp_path, corpus, monkeypatch):
    src = tmp_path / "huge.txt"
    with open(src, "wb") as f:
        f.truncate(MAX_INGEST_BYTES + 1)  # sparse: no need to write hundreds of MB
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read the whole file"))
    with pytest.raises(IngestError, match="the limit is"):
        ingest(src, doc_id="huge-file", corpus=corpus)


def test_gb18030_crlf_bom_and_full_width_numbers_are_read(tmp_path, corpus):
    gbk = _write(tmp_path, "gbk.txt", LAW.replace("\n", "\r\n").encode("gb18030"))
    report = ingest(gbk, doc_id="gbk-regulation", corpus=corpus)
    assert report.encoding == "gb18030" and report.clauses == 4
    assert (corpus / "gbk-regulation" / "source.gb18030.txt").read_bytes() == gbk.read_bytes()
    bom = _write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + LAW.replace("第二条", "第２条").encode("utf-8"))
    report = ingest(bom, doc_id="bom-regulation", corpus=corpus)
    assert report.encoding == "utf-8" and report.clauses == 4
    assert load_library(corpus).clause("bom-regulation/article-2")


def test_a_text_that_does_not_parse_names_the_line_and_adds_nothing(tmp_path, corpus):
    src = _write(tmp_path, "broken.txt", LAW.replace("第三条 有下列", "第五条 有下列").encode("utf-8"))
    with pytest.raises(ParseError, match="line 17"):
        ingest(src, doc_id="broken-regulation", corpus=corpus)
    assert not [p for p in corpus.iterdir() if "broken" in p.name]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into a read-only folder")
def test_a_read_only_library_is_reported(tmp_path, corpus):
    src = _write(tmp_path, "law.txt", LAW.encode("utf-8"))
    corpus.chmod(0o555)
    try:
        with pytest.raises(IngestError, match="writable"):
            ingest(src, doc_id="read-only-test", corpus=corpus)
    finally:
        corpus.chmod(0o755)


def test_an_unwritable_library_is_reported_and_unchanged(tmp_path, corpus, monkeypatch):
    src = _write(tmp_path, "law.txt", LAW.encode("utf-8"))
    real_mkdir = Path.mkdir

    def refuse(self, *args, **kwargs):
        if self.name.startswith(".ingest-"):
            raise PermissionError(13, "Permission denied", str(self))
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(IngestError, match="writable"):
        ingest(src, doc_id="read-only-test", corpus=corpus)
    assert len(load_library(corpus).documents) == 8


KILL_SCRIPT = textwrap.dedent("""
    import sys
    from qa.ingest.add import ingest
    print("start", flush=True)
    ingest(sys.argv[1], doc_id="killed-regulation", corpus=sys.argv[2])
    print("done", flush=True)
""")


@pytest.mark.slow
def test_ingest_killed_at_any_moment_leaves_the_library_whole(tmp_path, corpus):
    src = ROOT / "corpus" / "guangdong-sme-promotion-regulation-2019" / "source.txt"
    outcomes = set()
    for delay in (0.0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1.2):
        proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(src), str(corpus)], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert proc.stdout.readline().strip() == "start"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        library = load_library(corpus)  # loads: never a half-written document
        present = library.has_document("killed-regulation")
        outcomes.add(present)
        if present:
            assert len(library.document("killed-regulation").clauses) == 67
            shutil.rmtree(corpus / "killed-regulation")
        for leftover in corpus.glob(".ingest-*"):
            shutil.rmtree(leftover)
    assert False in outcomes  # at least one kill landed before the rename
