"""What a reader sees in the browser: highlighted stances, both sides of a dispute, escaped text."""
from __future__ import annotations

import os

import pytest

from .conftest import SCREENSHOTS

# The screenshots in docs/ are rewritten only when asked (CLAIMSCOPE_UPDATE_SCREENSHOTS=1), so a test
# run does not churn committed files; otherwise they go to the test's tmp folder.
UPDATE_SCREENSHOTS = os.environ.get("CLAIMSCOPE_UPDATE_SCREENSHOTS") == "1"


def _shot(page, name: str, tmp_path, element=None) -> None:
    folder = SCREENSHOTS if UPDATE_SCREENSHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    if element is not None:
        element.screenshot(path=str(folder / name))
    else:
        page.screenshot(path=str(folder / name), clip={"x": 0, "y": 0, "width": 1280, "height": 720})
    assert (folder / name).stat().st_size > 0

KYIV_DENIAL = "that its forces had been expelled from Kursk"


def _denial(page):
    return page.locator('.mark.content[data-stance="deny"]', has_text=KYIV_DENIAL).first


def test_article_highlights_kyiv_denial_as_deny(page, site):
    page.goto(f"{site['base']}/articles/{site['kursk']}")
    assert "Russia Says Last Ukrainian Troops Expelled from Kursk Region" in page.locator("h1").inner_text()
    denial = _denial(page)
    assert KYIV_DENIAL == denial.inner_text()
    assert "deny" == denial.get_attribute("data-stance")
    assert "Ukraine" in denial.get_attribute("title")
    assert "Kyiv denied " + KYIV_DENIAL in page.locator(".body").inner_text()


@pytest.mark.parametrize("how", ["hover", "focus"])
def test_article_span_tooltip_names_speaker_and_stance(page, site, how):
    page.goto(f"{site['base']}/articles/{site['kursk']}")
    denial = _denial(page)
    getattr(denial, how)()
    tip = page.locator("#tip")
    tip.wait_for(state="visible")
    assert "Ukraine" in tip.inner_text() and "deny" in tip.inner_text()


def test_article_keeps_captions_and_credits_out_of_the_body(page, site):
    page.goto(f"{site['base']}/articles/{site['kursk']}")
    assert "EPA/Alexander Kazakov" in page.locator(".furniture").inner_text()
    body = page.locator(".body").inner_text()
    assert "EPA/Alexander Kazakov" not in body and "videoconference meeting" not in body
    assert "2025-04-26" == page.locator(".meta time").inner_text()


def test_article_screenshot(page, site, tmp_path):
    page.goto(f"{site['base']}/articles/{site['kursk']}")
    _denial(page).hover()
    page.locator("#tip").wait_for(state="visible")
    _shot(page, "article.png", tmp_path)


def test_disputes_show_russia_and_ukraine_side_by_side(page, site, tmp_path):
    page.goto(f"{site['base']}/disputes")
    dispute = page.locator(f'[data-dispute="{site["dispute"]}"]')
    asserting, denying = dispute.locator('[data-side="assert"]'), dispute.locator('[data-side="deny"]')
    assert "Russia" in asserting.locator("h3").inner_text()
    assert "Ukraine" in denying.locator("h3").inner_text()
    assert "expelled from Kursk" in denying.inner_text()
    a_box, d_box = asserting.bounding_box(), denying.bounding_box()
    assert a_box["x"] + a_box["width"] <= d_box["x"] and abs(a_box["y"] - d_box["y"]) < 5  # side by side
    denying.locator(f'a[href="/articles/{site["kursk"]}"]').first.click()
    page.wait_for_url(f"**/articles/{site['kursk']}")
    page.goto(f"{site['base']}/disputes")
    _shot(page, "disputes.png", tmp_path, element=page.locator(f'[data-dispute="{site["dispute"]}"]'))


def test_script_in_an_article_is_shown_not_run(page, site):
    ran = []
    page.on("dialog", lambda d: (ran.append(d.message), d.dismiss()))
    page.goto(f"{site['base']}/articles/{site['script']}")
    assert '<script>document.title = "pwned"</script>' in page.locator("h1").inner_text()
    assert '<script>document.body.dataset.pwned = "yes"</script>' in page.locator(".body").inner_text()
    assert page.title().startswith("Council <script>")  # shown as text, so the script never set it
    assert page.evaluate("document.body.dataset.pwned") is None
    assert 0 == page.locator(".body script, h1 script").count()
    assert [] == ran


@pytest.mark.parametrize("path", ["/", "/articles/{kursk}", "/disputes", "/entities/{ukraine}", "/claims",
                                  "/search?q=Kursk"])
def test_phone_width_has_no_horizontal_scroll(phone, site, path):
    phone.goto(site["base"] + path.format(**site))
    overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert 0 == overflow


def test_entity_page_shows_claims_over_time_and_who_contradicted(page, site):
    page.goto(f"{site['base']}/entities/{site['ukraine']}")
    assert "Ukraine" == page.locator("h1").inner_text()
    assert "Russia" in page.locator(".contradicted").inner_text()
    assert "2025-04-26" in page.locator(".timeline").inner_text()
    assert "expelled from Kursk" in page.locator(".timeline").inner_text()


def test_search_finds_articles_and_claims(page, site):
    page.goto(site["base"] + "/")
    page.locator("main form.search input").fill("Belgorod")
    page.locator("main form.search button").click()
    page.wait_for_url("**/search?q=Belgorod")
    assert "Russia Says Last Ukrainian Troops" in page.locator("ul.hits").first.inner_text()
    assert "Belgorod" in page.locator("ul.hits mark").first.inner_text()
    assert "still operating in Belgorod" in page.locator("ul.hits").nth(1).inner_text()


def test_claims_timeline_groups_by_date(page, site):
    page.goto(site["base"] + "/claims?limit=100")
    dates = page.locator(".timeline > li time").all_inner_texts()
    assert "2025-04-26" in dates and "2025-07-04" in dates
    assert sorted(d for d in dates if d != "undated") == [d for d in dates if d != "undated"]
