from __future__ import annotations

import pytest

from qa.corpus import CORPUS_ROOT
from qa.departments import find_parentheticals, load_glossary, parse_assignment
from qa.errors import CorpusError

GLOSSARY = load_glossary(CORPUS_ROOT / "departments.json")


@pytest.mark.parametrize(
    ("inner", "leads", "cooperates"),
    [
        ("市经贸委、科技局分别牵头", ["市经贸委", "市科技局"], []),
        ("市和区、县级市财政部门牵头,经贸部门等配合", ["市财政局", "区、县级市财政部门"],
         ["市经贸委", "区、县级市经贸部门"]),
        ("市经贸委牵头,市财政局、金融办,各区、县级市经贸、财政部门等配合", ["市经贸委"],
         ["市财政局", "市金融办", "区、县级市经贸部门", "区、县级市财政部门"]),
        ("市知识产权局牵头,市经贸委、科技局,各区、县级市政府配合", ["市知识产权局"],
         ["市经贸委", "市科技局", "各区、县级市政府"]),
        ("市劳动保障局负责,市民营经济工作领导小组(简称市民营办)配合", ["市劳动保障局"], ["市民营办"]),
        ("市工商联牵头、市民营办配合", ["市工商联"], ["市民营办"]),
        ("各相关部门负责,市民营办配合", ["各有关部门"], ["市民营办"]),
        ("市经贸委牵头,市发改委、交委,广州供电局配合", ["市经贸委"], ["市发改委", "市交委", "广州供电局"]),
    ],
)
def test_parse_assignment(inner, leads, cooperates):
    a = parse_assignment(inner, GLOSSARY)
    assert list(a.leads) == leads
    assert list(a.cooperates) == cooperates


def test_unknown_department_names_the_fix():
    with pytest.raises(CorpusError, match="departments.json"):
        parse_assignment("市火星局牵头", GLOSSARY)


def test_only_role_parentheticals_are_found():
    text = "依据《规定》(穗府〔2003〕44号),逐步扩大(市工商局牵头,市法制办配合)"
    spans = find_parentheticals(text)
    assert [inner for _, _, inner in spans] == ["市工商局牵头,市法制办配合"]
