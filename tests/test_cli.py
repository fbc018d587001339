from __future__ import annotations

import json
import subprocess
import sys

import pytest

from qa.cli import main


def run_json(capsys, *args):
    assert main([*args, "--json"]) == 0
    out = capsys.readouterr().out
    assert "\\u" not in out  # real UTF-8, not escapes
    return json.loads(out)


def test_clauses_json(capsys):
    rows = run_json(capsys, "clauses")
    ids = [r["id"] for r in rows]
    assert ids[:2] == ["preamble", "guiding"] and ids[-1] == "requirement-3" and len(ids) == 46
    assert all(r["text_zh"].strip() and r["text_en"].strip() for r in rows)


@pytest.mark.parametrize("form", ["measure-12", "12", "第12条", "第十二条", "measure 12", "措施十二"])
def test_show_accepts_every_form(capsys, form):
    data = run_json(capsys, "show", form)
    assert data["id"] == "measure-12"
    assert {"市经贸委", "市科技局"} <= set(data["leads"])
    assert {"300万元", "100万元", "50万元"} <= {t["value"] for t in data["targets"]}
    assert data["text_en"] and data["text_zh"]


def test_show_goal_and_parts(capsys):
    goal = run_json(capsys, "show", "goal-1")
    assert "34.6%" in goal["text_zh"] and "24.4%" in goal["text_zh"]
    assert [r["original"] for r in goal["repairs"]] == ["346%", "244%"]
    m1 = run_json(capsys, "show", "measure-1")
    assert [p["id"] for p in m1["parts"]] == [f"measure-1.{i}" for i in range(1, 5)]


def test_show_unknown_lists_valid_forms(capsys):
    assert main(["show", "第99条"]) == 2
    err = capsys.readouterr().err
    assert "no clause" in err and "第十二条" in err and "qa clauses" in err


def test_departments_json(capsys):
    rows = {r["name"]: r for r in run_json(capsys, "departments")}
    assert "measure-13" in rows["市科技局"]["leads"]
    assert rows["市科技局"]["english"] == "Municipal Science and Technology Bureau"


def test_python_dash_m_entry_point():
    out = subprocess.run([sys.executable, "-m", "qa", "show", "第十二条", "--json"], capture_output=True, check=True)
    assert json.loads(out.stdout.decode("utf-8"))["id"] == "measure-12"
