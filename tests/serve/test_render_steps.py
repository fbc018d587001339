"""Bold answer lines in the chat's Markdown (qa/serve/render.py _bold): line by line, numbered steps outside the bold."""

from qa.serve.render import _bold


def test_numbered_steps_are_bold_line_by_line():
    out = _bold("款项被拖欠，资料库中现行的规定给出这几步：\n1. 付款期限：60日\n2. 逾期利息：万分之五")
    lines = out.split("  \n")
    assert lines[0] == "**款项被拖欠，资料库中现行的规定给出这几步：**"
    assert lines[1] == "1\\. **付款期限：60日**" and lines[2] == "2\\. **逾期利息：万分之五**"
    assert all(line.count("**") == 2 for line in lines)  # no bold left open across a line break


def test_a_one_line_answer_is_one_bold_span():
    assert _bold("国家级 300万元；省级 100万元。") == "**国家级 300万元；省级 100万元。**"
