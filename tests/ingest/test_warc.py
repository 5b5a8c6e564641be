"""WARC archives: every HTML page a crawler saved, with the URL and date from the record."""
from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimscope.errors import InputError
from claimscope.ingest import read_path
from claimscope.ingest.warc import read_warc
from claimscope.model import RawArticle

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CRAWL_DATE = "2024-06-01T12:00:00Z"
UNDATED_PAGE = (
    "<html><head><title>Bridge reopens after repairs</title></head><body><article>"
    "<h1>Bridge reopens after repairs</h1>"
    "<p>The old river bridge reopened to traffic on Saturday after eight months of repairs, the city said.</p>"
    "<p>Drivers had faced detours of up to 40 minutes while the bridge was closed.</p>"
    "</article></body></html>"
)


def _record(writer, uri, body: bytes, *, content_type="text/html; charset=utf-8", status="200 OK",
            rec_type="response", content_encoding=None):
    headers = [("Content-Type", content_type)]
    if content_encoding:
        headers.append(("Content-Encoding", content_encoding))
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1") if rec_type == "response" else None
    record = writer.create_warc_record(
        uri, rec_type, payload=io.BytesIO(body), http_headers=http,
        warc_content_type=None if rec_type == "response" else content_type,
        warc_headers_dict={"WARC-Date": CRAWL_DATE})
    writer.write_record(record)


def _crawl(path: Path, *, gzip_records: bool) -> Path:
    """A small crawl: two articles, a redirect, an image, a stylesheet, a page with no article."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip_records)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        _record(writer, "https://www.harbourgazette.example/port-strike",
                (FIXTURES / "html" / "wire_story.html").read_bytes())
        _record(writer, "https://citynews.example/bridge", UNDATED_PAGE.encode())
        _record(writer, "https://citynews.example/old", b"", status="301 Moved Permanently")
        _record(writer, "https://citynews.example/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", content_type="image/png")
        _record(writer, "https://citynews.example/site.css", b"body { color: red }", content_type="text/css")
        _record(writer, "https://citynews.example/", b"<html><body><nav><a href=/a>Home</a></nav></body></html>")
    return path


@pytest.fixture(params=[True, False], ids=["warc.gz", "warc"])
def crawl(request, tmp_path) -> Path:
    name = "crawl.warc.gz" if request.param else "crawl.warc"
    return _crawl(tmp_path / name, gzip_records=request.param)


def test_read_warc_reads_every_html_page_and_skips_the_rest(crawl):
    items = list(read_warc(str(crawl)))
    titles = [i.title for i in items if isinstance(i, RawArticle)]
    assert ["Port workers strike over automation plan", "Bridge reopens after repairs"] == titles


def test_read_warc_reports_a_page_without_main_text_and_goes_on(crawl):
    (error,) = [i for i in read_warc(str(crawl)) if isinstance(i, InputError)]
    assert error.problem.endswith("(https://citynews.example/): no main text found in the HTML page")


def test_read_warc_takes_url_and_date_from_the_record_when_the_page_lacks_them(crawl):
    bridge = [i for i in read_warc(str(crawl)) if isinstance(i, RawArticle)][1]
    assert ("https://citynews.example/bridge", "2024-06-01") == (bridge.url, bridge.published)
    assert bridge.text.startswith("The old river bridge reopened to traffic on Saturday")


def test_read_warc_prefers_the_pages_own_date_and_url(crawl):
    port = next(i for i in read_warc(str(crawl)) if isinstance(i, RawArticle))
    assert ("https://www.harbourgazette.example/business/2024/03/04/port-strike", "2024-03-04") == (
        port.url, port.published)


def test_read_path_sniffs_a_warc_without_its_suffix(tmp_path):
    path = _crawl(tmp_path / "crawl.bin", gzip_records=True)
    titles = [i.title for i in read_path(str(path)) if isinstance(i, RawArticle)]
    assert 2 == len(titles)


def test_read_warc_decodes_a_page_by_its_http_charset_and_content_encoding(tmp_path):
    page = ("<html><body><article><p>\u201cWe survived the pandemic,\u201d said Ren\u00e9e Gagnon, who runs a "
            "caf\u00e9 on rue Saint-Denis in Montr\u00e9al.</p></article></body></html>")
    path = tmp_path / "legacy.warc"
    with path.open("wb") as out:
        _record(WARCWriter(out, gzip=False), "https://legacy.example/cafe", gzip.compress(page.encode("cp1252")),
                content_type="text/html; charset=windows-1252", content_encoding="gzip")
    (article,) = read_warc(str(path))
    assert "\u201cWe survived the pandemic,\u201d said Ren\u00e9e Gagnon" in article.text


def test_read_warc_reads_a_page_stored_as_a_resource_record(tmp_path):
    path = tmp_path / "resource.warc"
    with path.open("wb") as out:
        _record(WARCWriter(out, gzip=False), "file:///bridge.html", UNDATED_PAGE.encode(), rec_type="resource")
    (article,) = read_warc(str(path))
    assert "Bridge reopens after repairs" == article.title


def test_read_warc_raises_when_the_file_is_not_a_warc(tmp_path):
    path = tmp_path / "fake.warc"
    path.write_bytes(b"WARC/1.0\r\nthis is not a header block at all\r\n\r\n")
    with pytest.raises(InputError, match="not a readable WARC file"):
        list(read_warc(str(path)))


def test_read_warc_keeps_the_pages_before_a_damaged_record(tmp_path):
    path = _crawl(tmp_path / "cut.warc", gzip_records=False)
    path.write_bytes(path.read_bytes() + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n<html>")
    items = list(read_warc(str(path)))
    assert 2 == sum(isinstance(i, RawArticle) for i in items)
