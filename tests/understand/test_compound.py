"""Several questions typed as one are split; a part that leans on the one before keeps the question whole."""

import pytest

from qa.understand.compound import sub_questions


@pytest.mark.parametrize(("text", "parts"), [
    ("国家级技术中心奖励多少？到2010年技术中心占全市比重目标是多少？", 2),
    ("What is the guarantee volume target by 2010? How many companies should go public within three years?", 2),
    ("这个文件是哪个部门发的？什么时候发的？", 0),  # the second has no topic of its own
    ("民营经济促进法什么时候施行？中小企业促进法呢？", 2),  # the ellipsis is asked as a follow-up of the first
    ("那大企业呢？政府呢？", 0),  # nothing of its own to lean on
    ("How long does a big company have to pay? And a government agency?", 0),  # too little of its own
    ("大企业拖欠款项怎么办？", 0), ("一？二？三？四？五？", 0),
])
def test_sub_questions(text, parts):
    assert len(sub_questions(text)) == parts
