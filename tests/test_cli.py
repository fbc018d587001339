"""The CLI through main(): documents, clauses, show, ask, chat, ingest, feedback export."""

from __future__ import annotations

import io
import json
import shutil
import sys

import pytest

from qa.cli import main


def run(capsys, *args, stdin: str | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8"))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_documents_json_lists_eight_with_status(capsys):
    code, out, _ = run(capsys, "documents", "--json")
    docs = json.loads(out)
    assert code == 0 and len(docs) == 8
    old = next(d for d in docs if d["id"] == "sme-payment-regulation-2020")
    assert old["status"] == "superseded" and old["superseded_by"] == "sme-payment-regulation-2025"
    assert all(d["english"] for d in docs)


def test_documents_report(capsys):
    code, out, _ = run(capsys, "documents", "--report", "--json")
    reports = {d["id"]: d["ingest_report"] for d in json.loads(out)}
    assert reports["guangdong-sme-promotion-regulation-2019"]["chapters"] == 10
    assert len(reports["guangdong-sme-promotion-regulation-2019"]["warnings"]) == 10


@pytest.mark.parametrize("doc", ["sme-promotion-law-2017", "private-economy-promotion-law-2025", "suifuban-2007-42"])
def test_clauses_of_a_document_have_english(capsys, doc):
    code, out, _ = run(capsys, "clauses", "--doc", doc, "--json")
    rows = json.loads(out)
    assert code == 0 and rows and all(r["text_en"] and r["id"].startswith(doc + "/") for r in rows)


@pytest.mark.parametrize(("args", "expect"), [
    (["show", "sme-payment-regulation-2025/article-9", "--json"], "sme-payment-regulation-2025/article-9"),
    (["show", "第12条", "--doc", "suifuban-2007-42", "--json"], "suifuban-2007-42/measure-12"),
    (["show", "measure-12", "--json"], "suifuban-2007-42/measure-12"),
    (["show", "民营经济促进法第七十七条", "--json"], "private-economy-promotion-law-2025/article-77"),
    # The document named decides, though other documents have an article with that number (session 35).
    (["show", "民营经济促进法第六十五条", "--json"], "private-economy-promotion-law-2025/article-65"),
    (["show", "广州条例第34条", "--json"], "guangzhou-private-economy-regulation-2024/article-34"),
    (["show", "2020年支付条例第12条", "--json"], "sme-payment-regulation-2020/article-12"),
])
def test_show_accepts_qualified_and_other_forms(capsys, args, expect):
    code, out, _ = run(capsys, *args)
    assert code == 0 and json.loads(out)["id"] == expect


def test_show_ambiguous_and_unknown_say_what_to_do(capsys):
    code, _out, err = run(capsys, "show", "12")
    assert code == 2 and "--doc" in err
    code, _out, err = run(capsys, "show", "nonsense")
    assert code == 2 and "Accepted forms" in err
    code, _out, err = run(capsys, "show", "nope/article-1")
    assert code == 2 and "no document 'nope'" in err


@pytest.fixture()
def hashing(monkeypatch, tmp_path):
    monkeypatch.setenv("QA_MODELS", "hashing-64")
    monkeypatch.setenv("QA_INDEX_DIR", str(tmp_path / "index"))


def test_ask_and_chat(capsys, monkeypatch, hashing):
    code, out, _ = run(capsys, "ask", "找哪个部门？", "--history", "民营企业上市有什么支持？", "--doc", "suifuban-2007-42",
                       "--json")
    data = json.loads(out)
    assert code == 0 and data["departments"][0]["name"] == "市金融办"
    code, out, _ = run(capsys, "chat", "--json", "--doc", "suifuban-2007-42",
                       stdin="民营企业上市有什么支持？\n找哪个部门？\n", monkeypatch=monkeypatch)
    lines = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and len(lines) == 2 and lines[1]["context_from"] == ["suifuban-2007-42/measure-4"]


def test_a_selection_no_document_matches_is_an_error_not_the_whole_library(capsys, hashing):
    # No document is repealed: answering from all eight would ignore the filter the user set.
    code, out, err = run(capsys, "ask", "第十二条", "--status", "repealed")
    assert code != 0 and out == ""
    assert "statuses: repealed" in err and "national/superseded" in err and "qa documents" in err
    code, out, _ = run(capsys, "ask", "第十二条", "--status", "superseded", "--json")
    assert code == 0 and json.loads(out)["citations"][0].startswith("sme-payment-regulation-2020/")


def test_ingest_into_another_library(capsys, tmp_path, library, monkeypatch, hashing):
    root = tmp_path / "lib"
    shutil.copytree(library.root, root, ignore=shutil.ignore_patterns("__pycache__", "__init__.py"))
    src = tmp_path / "law.txt"
    src.write_text("# 示例条例\n\n第一条 为了示范，制定本条例。\n\n第二条 本条例自2024年5月1日起施行。\n", encoding="utf-8")
    code, out, _ = run(capsys, "--corpus-dir", str(root), "ingest", str(src), "--doc-id", "example-2024", "--json")
    assert code == 0 and json.loads(out)["clauses"] == 2
    code, out, _ = run(capsys, "--corpus-dir", str(root), "documents", "--json")
    assert "example-2024" in {d["id"] for d in json.loads(out)}
    monkeypatch.setenv("QA_CORPUS_DIR", str(root))
    code, out, _ = run(capsys, "ask", "示例条例什么时候施行？", "--json")
    assert "2024年5月1日" in json.loads(out)["answer"]
    code, _out, err = run(capsys, "--corpus-dir", str(root), "ingest", str(src), "--doc-id", "example-2024")
    assert code == 2 and "already in the library" in err
    code, _out, err = run(capsys, "--corpus-dir", str(root), "ingest", str(src), "--doc-id", "example-b-2024",
                          "--effective", "2024-13-45")
    assert code == 2 and "no such date" in err
    code, _out, err = run(capsys, "--corpus-dir", str(root), "ingest", str(src), "--doc-id", "example-b-2024",
                          "--effective", "")
    assert code == 2 and "--effective is empty" in err


def test_feedback_export_csv_and_json(capsys, tmp_path):
    from qa.serve.feedback import FeedbackStore

    db = tmp_path / "fb.sqlite3"
    FeedbackStore(db).record(question="=1+1", lang="zh", clause_ids=[], rating=1)
    code, out, _ = run(capsys, "feedback", "export", "--db", str(db))
    assert code == 0 and "'=1+1" in out
    code, out, _ = run(capsys, "feedback", "export", "--db", str(db), "--json")
    assert json.loads(out)[0]["question"] == "=1+1"


def test_a_closed_pipe_ends_quietly():
    import subprocess
    import sys

    # `true` exits at once, so every write of qa meets a closed pipe.
    done = subprocess.run(["bash", "-c", f"{sys.executable} -m qa clauses | true; echo ${{PIPESTATUS[0]}}"],
                          capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "0" and "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
