"""Questions and surfaces the session-30 review (fresh users 54 and 55, the session-29 holdout, now dev) found
wrong: the plain-text answer (`qa ask`, the export) did not say whether a cited text is in force."""

from __future__ import annotations

from qa.assistant import Selection

PLAN = "suifuban-2007-42"
PAY20 = "sme-payment-regulation-2020"
PEL = "private-economy-promotion-law-2025"


def test_the_plain_text_citation_says_whether_the_text_is_in_force(fake_assistant):
    law = fake_assistant.ask("民营经济促进法第七十七条").to_markdown()
    assert "— 《中华人民共和国民营经济促进法》第七十七条（现行有效）" in law
    old = fake_assistant.ask("Article 12", selection=Selection(documents=(PAY20,))).to_markdown()
    assert "(superseded)" in old.split("— ", 1)[1]
    plan = fake_assistant.ask("第十二条", selection=Selection(documents=(PLAN,))).to_markdown()
    assert "第十二条（历史文件）" in plan
