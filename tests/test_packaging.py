"""An installed copy answers: build the wheel, install it into a fresh venv, ask a question from elsewhere."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_installs_and_answers(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels),
                    str(ROOT)], check=True)
    [wheel] = list(wheels.glob("zhengce_qa-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "qa/bundled_corpus/sme-payment-regulation-2025/source.txt" in names
    assert "qa/bundled_corpus/departments.json" in names and "qa/bundled_corpus/terms.txt" in names
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], check=True)
    # Dependencies come from this environment (no downloads); the project itself only from the wheel:
    # PYTHONPATH entries get no .pth processing, so the editable install of this checkout stays invisible.
    deps = os.pathsep.join(site.getsitepackages())
    env = dict(os.environ, PYTHONPATH=deps, HF_HUB_OFFLINE="1", QA_MODELS="hashing-64", XDG_CACHE_HOME=str(tmp_path / "cache"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    env.pop("QA_INDEX_DIR", None)
    env.pop("QA_CORPUS_DIR", None)
    code = ("import qa, json; from qa import Assistant; bot = Assistant();"
            "a = bot.ask('民营经济促进法什么时候施行？');"
            "print(json.dumps({'file': qa.__file__, 'answer': a.answer, 'docs': len(bot.library.documents)}))")
    out = subprocess.run([str(py), "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    import json

    data = json.loads(out.stdout.strip().splitlines()[-1])
    assert str(venv) in data["file"] and data["docs"] == 8
    assert "2025年5月20日" in data["answer"]
    assert (tmp_path / "cache" / "zhengce-qa" / "index").exists()
