"""The pages over real news: three PolNeAR dev articles (one with 139 attributions), in Chromium.

What a reader would notice on a busy store: every highlighted span has a stance and a speaker
tooltip and no text is lost where spans nest; an entity's claims come in date order; the pagers
lead on; nothing overflows a phone screen; /docs works with no network.
"""
from __future__ import annotations

import re

import httpx
import pytest

from claimscope.model import PARAGRAPH_SEPARATOR, Stance

from .test_pages import _shot

BUSY_HEADLINE = "The Latest: Trump urges supporters to monitor polling places."
STANCES = {s.value for s in Stance}


@pytest.fixture(scope="module")
def busy(polnear_site) -> dict:
    """The API's JSON of the article with the most attributions."""
    items = httpx.get(f"{polnear_site}/api/articles?limit=50").json()["items"]
    (hit,) = [a for a in items if a["headline"] == BUSY_HEADLINE]
    return httpx.get(f"{polnear_site}/api/articles/{hit['id']}").json()


def test_busy_article_marks_every_attribution_with_stance_and_speaker(page, polnear_site, busy):
    attributions = busy["attributions"]
    assert len(attributions) > 100
    page.goto(f"{polnear_site}/articles/{busy['id']}")
    marks = page.locator(".body .mark").evaluate_all(
        "els => els.map(e => ({a: e.dataset.attribution, role: e.dataset.role, stance: e.dataset.stance,"
        " speaker: e.dataset.speaker, title: e.title, tip: e.dataset.tip, text: e.textContent}))")
    assert {m["stance"] for m in marks} <= STANCES
    assert all(m["title"].startswith(m["role"] + " — speaker: ") and m["tip"] for m in marks)
    # every attribution with a non-empty content is on the page, in its own stance
    for index, a in enumerate(attributions):
        contents = [m for m in marks if m["a"] == str(index) and m["role"] == "content"]
        if any(c["end"] > c["start"] for c in a["contents"]):
            assert contents, f"attribution {index} ({a['contents'][0]['text'][:40]!r}) not highlighted"
            assert {a["stance"]} == {m["stance"] for m in contents}
        expected_speaker = a["source_resolved"] or (a["source"]["text"] if a["source"] else "")
        assert all(m["speaker"] == expected_speaker for m in marks if m["a"] == str(index))
    # nesting and crossing spans lose no text: the body reads as the stored paragraphs
    body = page.locator(".body p").all_inner_texts()
    assert busy["text"].split(PARAGRAPH_SEPARATOR) == body
    assert f"Who said what ({len(attributions)})" == page.locator("section h2").first.inner_text()
    assert len(attributions) == page.locator("table.attributions tbody tr").count()


def test_busy_article_tooltip_on_a_nested_span(page, polnear_site, busy):
    page.goto(f"{polnear_site}/articles/{busy['id']}")
    # a source or cue inside another attribution's content: the innermost mark's speaker wins
    nested = page.locator(".body .mark.content .mark.source").first
    nested.hover()
    tip = page.locator("#tip")
    tip.wait_for(state="visible")
    assert nested.get_attribute("data-tip") == tip.inner_text()
    index = nested.get_attribute("data-attribution")
    outlined = page.locator(".body .mark.active").evaluate_all("els => els.map(e => e.dataset.attribution)")
    assert outlined and {index} == set(outlined)
    page.keyboard.press("Escape")
    assert tip.is_hidden()


def test_entity_page_lists_claims_in_date_order(page, polnear_site, tmp_path):
    entities = httpx.get(f"{polnear_site}/api/entities?limit=5").json()["items"]
    trump = next(e for e in entities if e["name"] == "Donald Trump")
    api = httpx.get(f"{polnear_site}/api/entities/{trump['id']}").json()
    page.goto(f"{polnear_site}/entities/{trump['id']}")
    assert "Donald Trump" == page.locator("h1").inner_text()
    dates = page.locator("ol.timeline > li h3").all_inner_texts()
    dated = [d for d in dates if d != "undated"]
    assert dated == sorted(dated) and len(dates) == len(set(dates))
    assert "undated" not in dates or dates[-1] == "undated"
    links = page.locator("ol.timeline a[href^='/claims/']").evaluate_all("els => els.map(e => e.pathname)")
    assert sorted(f"/claims/{c['id']}" for c in api["claims"]) == sorted(links)
    assert len(api["claims"]) > 10
    _shot(page, "entity.png", tmp_path)  # docs/screenshots/entity.png when asked


def test_claims_pager_next_and_previous(page, polnear_site):
    total = httpx.get(f"{polnear_site}/api/claims?limit=1").json()["total"]
    assert total > 100  # more than one page of the timeline
    page.goto(f"{polnear_site}/claims")
    first_page = set(page.locator("ol.timeline a[href^='/claims/']").evaluate_all("els => els.map(e => e.pathname)"))
    assert f"1–100 of {total}" == page.locator(".pager span").inner_text()
    page.locator(".pager a[rel=next]").click()
    page.wait_for_url(re.compile(r"offset=100"))
    assert page.locator(".pager span").inner_text().startswith("101–")
    second_page = set(page.locator("ol.timeline a[href^='/claims/']").evaluate_all("els => els.map(e => e.pathname)"))
    assert second_page and not second_page & first_page
    page.locator(".pager a[rel=prev]").click()
    page.wait_for_url(re.compile(r"offset=0"))
    assert page.locator(".pager span").inner_text().startswith("1–100")


def test_search_pager_reaches_every_claim(page, polnear_site):
    total = httpx.get(f"{polnear_site}/api/claims?q=trump&limit=1").json()["total"]
    assert total > 20
    page.goto(f"{polnear_site}/search?q=trump")
    seen: list[str] = []
    while True:
        seen += page.locator("section:nth-of-type(2) ul.hits a").evaluate_all("els => els.map(e => e.pathname)")
        following = page.locator(".pager a[rel=next]")
        if not following.count():
            break
        following.click()
        page.wait_for_load_state()
    assert total == len(seen) == len(set(seen))


def test_busy_pages_fit_a_phone(phone, polnear_site, busy):
    trump = next(e for e in httpx.get(f"{polnear_site}/api/entities?limit=5").json()["items"]
                 if e["name"] == "Donald Trump")
    for path in ("/", f"/articles/{busy['id']}", "/claims", "/entities", f"/entities/{trump['id']}",
                 "/disputes", "/search?q=clinton"):
        phone.goto(polnear_site + path)
        width = phone.evaluate("document.documentElement.clientWidth")
        assert width == phone.evaluate("document.documentElement.scrollWidth"), path


def test_docs_render_with_no_network(page, polnear_site):
    """Swagger UI comes from this server: with every other host blocked it still lists the routes."""
    outside: list[str] = []

    def only_local(route):
        if route.request.url.startswith(polnear_site):
            return route.continue_()
        outside.append(route.request.url)
        return route.abort()

    page.route("**/*", only_local)
    page.goto(f"{polnear_site}/docs")
    page.locator(".opblock").first.wait_for(timeout=10_000)
    paths = httpx.get(f"{polnear_site}/openapi.json").json()["paths"]
    assert sum(len(ops) for ops in paths.values()) == page.locator(".opblock").count()
    assert [] == outside
