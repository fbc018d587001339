"""End to end in headless Debian chromium, driven by Playwright (no browser download).

Set QA_SCREENSHOT_DIR=docs to refresh the README screenshots.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.real_model]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: scripts/test.sh installs it (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _save(page, tmp_path: Path, name: str) -> None:
    page.screenshot(path=str(tmp_path / name), full_page=False)
    target = os.environ.get("QA_SCREENSHOT_DIR")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(tmp_path / name, Path(target) / name)


def _ask(page, question: str, n_cards: int) -> None:
    page.locator("#question textarea").fill(question)
    page.locator("#send").click()
    page.wait_for_function(f"document.querySelectorAll('#chat details.cite').length >= {n_cards}", timeout=60_000)


def test_chat_in_chinese_and_english_with_injection(browser, live_app, tmp_path):
    page = browser.new_page(viewport={"width": 1280, "height": 1500})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(live_app["url"])
    _ask(page, "研发投入能税前抵扣吗？", 1)
    card = page.locator("#chat details.cite").first
    assert "第十三条" in card.inner_text()
    assert page.locator("#chat .answer mark", has_text="所得税前抵扣").first.is_visible()
    card.locator("summary").click()  # the card expands to the full clause in both languages
    assert page.locator("#chat details.cite .zh mark", has_text="所得税前抵扣").first.is_visible()
    assert page.locator("#chat details.cite .en").first.is_visible()
    assert "市科技局" in page.locator("#chat .contact").first.inner_text()
    assert "第十三条" in page.locator("#citation textarea").input_value()
    _save(page, tmp_path, "chat_zh.png")

    page = browser.new_page(viewport={"width": 1280, "height": 1500})
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(live_app["url"])
    _ask(page, "<img src=x onerror=alert(1)> Can I get a loan guarantee?", 1)
    assert "Measure 1" in page.locator("#chat details.cite").first.inner_text()
    assert page.locator("#chat .answer mark").first.is_visible()
    assert "Unofficial English translation" in page.locator("#chat").inner_text()
    assert page.get_by_text("<img src=x onerror=alert(1)>", exact=False).first.is_visible()
    assert page.locator("#chat img[src='x']").count() == 0
    page.locator("#comment textarea").fill("clear answer")
    page.locator("#thumbs-up").click()
    page.wait_for_function("document.querySelector('#feedback-status').innerText.includes('saved')", timeout=30_000)
    _save(page, tmp_path, "chat_en.png")
    page.wait_for_timeout(500)
    assert dialogs == []  # the injected onerror never ran
    assert any(r.comment == "clear answer" and r.answer_status == "answered" for r in live_app["store"].rows())


def test_a_figure_the_plan_does_not_give(browser, live_app):
    page = browser.new_page(viewport={"width": 1280, "height": 1200})
    page.goto(live_app["url"])
    page.locator("#question textarea").fill("融资担保机构的风险准备金补助比例是多少？")
    page.locator("#send").click()
    page.wait_for_function("document.querySelector('#chat .notice') !== null", timeout=60_000)
    notice = page.locator("#chat .notice").first.inner_text()
    assert "第一条" in notice and "没有写明" in notice
    assert page.locator("#chat .notice-other", has_text="does not state").first.is_visible()
    assert "联系部门" in page.locator("#chat .contact").first.inner_text()
    assert page.locator("#chat details.cite").count() == 0  # nothing quoted as if it answered
    assert "第一条" in page.locator("#citation textarea").input_value()


def test_clause_browser(browser, live_app, tmp_path):
    page = browser.new_page(viewport={"width": 1280, "height": 1500})
    page.goto(live_app["url"])
    page.get_by_role("tab", name="条款浏览 Clauses").click()
    page.locator("#clause-search textarea, #clause-search input").first.fill("第12条")
    page.wait_for_function("document.querySelector('#clause-table').innerText.includes('measure-12') && "
                           "!document.querySelector('#clause-table').innerText.includes('measure-13')", timeout=30_000)
    page.locator("#clause-table").get_by_role("gridcell", name="measure-12").first.click()
    page.wait_for_function("document.querySelector('#clause-detail').innerText.includes('300万元')", timeout=30_000)
    detail = page.locator("#clause-detail").inner_text()
    assert "市科技局" in detail and "Unofficial English translation" in detail
    _save(page, tmp_path, "clauses.png")
