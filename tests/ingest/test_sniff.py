"""Format sniffing and decoding: the bytes decide, the suffix only breaks a tie."""
from __future__ import annotations

import codecs
import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimscope.ingest.sniff import HEAD_BYTES, detect_format, open_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "examples" / "seed.txt"

ARTICLE = {"title": "Rates held", "text": "The bank held rates at 4.5 percent, it said on Thursday."}
PARAGRAPHS = "".join(f"<p>Paragraph {i} of a story that has no doctype at all.</p>\n" for i in range(6))


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("page.bin", b"<!DOCTYPE html>\n<html><body><p>Hi</p></body></html>", "html"),
        ("page.txt", b"  \n<html lang='en'><head><title>x</title></head></html>", "html"),
        ("page.dat", b'<?xml version="1.0"?>\n<!-- saved -->\n<html><body></body></html>', "html"),
        ("fragment", PARAGRAPHS.encode(), "html"),
        ("export.txt", (json.dumps(ARTICLE) + "\n") * 3, "jsonl"),
        ("export", (json.dumps(ARTICLE) + "\r\n\r\n" + json.dumps(ARTICLE)).encode(), "jsonl"),
        ("crawl.bin", b"WARC/1.1\r\nWARC-Type: warcinfo\r\n\r\n", "warc"),
        ("notes.html", b"Meeting notes\n\nNothing about markup here.\n", "html"),
        ("notes.jsonl", b'{"title": "cut off mid-obj', "jsonl"),
        ("cut.warc", b"Content-Length: 99\r\n\r\n<html>", "warc"),
        ("notes", b"Meeting notes\n\nNothing about markup here.\n", "textdump"),
        ("brace.txt", b'{"a": 1}\nThen plain prose follows the object.\n', "textdump"),
        ("list.jsonl.txt", b'[1, 2]\n', "textdump"),
    ],
)
def test_detect_format_reads_the_bytes_before_the_suffix(name, head, expected):
    head = head if isinstance(head, bytes) else head.encode()
    assert expected == detect_format(name, head)


def test_detect_format_looks_inside_gzip():
    head = gzip.compress(b"<!doctype html><html><body><p>Hello</p></body></html>")
    assert "html" == detect_format("page.gz", head)


def test_detect_format_reads_the_seed_dump_as_a_text_dump():
    assert "textdump" == detect_format(str(SEED), SEED.read_bytes()[:HEAD_BYTES])


def test_detect_format_takes_a_long_first_jsonl_line_cut_at_the_head():
    line = json.dumps({"title": "Long", "text": "word " * HEAD_BYTES}).encode()
    assert "jsonl" == detect_format("big", line[:HEAD_BYTES])


def test_detect_format_reads_utf16_with_a_bom():
    head = codecs.BOM_UTF16_LE + "<!doctype html><html><p>Hi</p></html>".encode("utf-16-le")
    assert "html" == detect_format("page", head)


def _read(path) -> tuple[str, list[str]]:
    stream, notes = open_text(str(path))
    with stream:
        return stream.read(), notes


def test_open_text_uses_the_declared_html_charset():
    text, notes = _read(FIXTURES / "html" / "cp1252_story.html")
    assert "\u201cWe survived the pandemic" in text and "Montr\u00e9al" in text
    assert ["encoding cp1252 (declared)"] == notes


def test_open_text_detects_windows_1252_without_a_declaration(tmp_path):
    words = "The minister said \u201cwe will not back down\u201d in S\u00e3o Paulo \u2014 caf\u00e9 na\u00efve.\n"
    path = tmp_path / "legacy.txt"
    path.write_bytes(words.encode("cp1252") * 5)
    text, notes = _read(path)
    assert words * 5 == text
    assert ["encoding detected as cp1252"] == notes


def test_open_text_detects_latin1_accents(tmp_path):
    words = "Caf\u00e9 r\u00e9sum\u00e9 at the d\u00e9p\u00f4t in Z\u00fcrich, said Fran\u00e7oise.\n"
    path = tmp_path / "latin1.txt"
    path.write_bytes(words.encode("latin-1") * 4)
    text, _ = _read(path)
    assert words * 4 == text


def test_open_text_detects_polish_in_windows_1250(tmp_path):
    words = ("Premier zapowiedzia\u0142 w pi\u0105tek, \u017ce rz\u0105d przyjmie ustaw\u0119 o s\u0105dach "
             "jeszcze w tym miesi\u0105cu.\n")
    path = tmp_path / "pl.txt"
    path.write_bytes(words.encode("cp1250") * 4)
    text, _ = _read(path)
    assert words * 4 == text


def test_open_text_detects_cyrillic_code_page(tmp_path):
    words = "\u041c\u0438\u043d\u0438\u0441\u0442\u0440 \u0441\u043a\u0430\u0437\u0430\u043b, \u0447\u0442\u043e \u043f\u043b\u0430\u043d \u0431\u0443\u0434\u0435\u0442 \u043f\u0440\u0438\u043d\u044f\u0442.\n"
    path = tmp_path / "ru.txt"
    path.write_bytes(words.encode("cp1251") * 4)
    text, _ = _read(path)
    assert words * 4 == text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_open_text_strips_the_byte_order_mark(tmp_path, encoding):
    path = tmp_path / "bom.txt"
    path.write_bytes("Kyiv denied the report.\n".encode(encoding))
    text, _ = _read(path)
    assert "Kyiv denied the report.\n" == text


def test_open_text_keeps_crlf_line_ends_so_offsets_match_the_file(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Headline\r\n\r\nBody text.\r\n")
    text, notes = _read(path)
    assert ("Headline\r\n\r\nBody text.\r\n", []) == (text, notes)


def test_open_text_ignores_a_declared_charset_that_does_not_fit(tmp_path):
    page = '<html><head><meta charset="utf-8"></head><body><p>Caf\u00e9 \u201cnews\u201d</p></body></html>'
    path = tmp_path / "liar.html"
    path.write_bytes(page.encode("cp1252"))
    text, notes = _read(path)
    assert "Caf\u00e9 \u201cnews\u201d" in text
    assert "declared charset 'utf-8' does not fit the bytes; ignored" in notes


def test_open_text_reads_utf8_under_a_stale_latin1_declaration(tmp_path):
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Caf\u00e9 \u201cnews\u201d</p></body></html>'
    path = tmp_path / "stale.html"
    path.write_bytes(page.encode("utf-8"))
    text, notes = _read(path)
    assert "Caf\u00e9 \u201cnews\u201d" in text
    assert ["declared charset 'iso-8859-1' but the bytes are UTF-8"] == notes


def test_open_text_gunzips_by_magic_not_suffix(tmp_path):
    path = tmp_path / "story.txt"  # no .gz suffix
    path.write_bytes(gzip.compress("Caf\u00e9 owners protest.\n".encode()))
    text, notes = _read(path)
    assert ("Caf\u00e9 owners protest.\n", ["gzip-compressed"]) == (text, notes)


def test_open_text_replaces_undecodable_bytes_and_says_so(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"Plain words \x81\x8d\x8f\x90\x9d then \xff\xfe\xfa more words.\n" * 3)
    text, notes = _read(path)
    assert text.startswith("Plain words ")
    assert any("decoded as" in n or "detected" in n for n in notes)


def test_open_text_reads_stdin_when_given_a_dash():
    script = ("from claimscope.ingest.sniff import open_text\n"
              "stream, notes = open_text('-')\n"
              "print(repr(stream.read()), notes)\n")
    done = subprocess.run([sys.executable, "-c", script], input="Caf\u00e9 news\n".encode("cp1252") * 3,
                          capture_output=True, cwd=REPO, timeout=60, check=True)
    assert "'Caf\u00e9 news\\n" in done.stdout.decode()


MARKUP_ARTICLE = {"title": "Filter <b>fails</b>",
                  "text": "<p>The post read <b>bold</b> and <i>loud</i>.</p><img src=x onerror=alert(1)>"
                          "<div><span>It spread</span> <a href='#'>fast</a>, <strong>officials</strong> said.</div>"}


@pytest.mark.parametrize("name", ["export.jsonl", "export.txt", "export"])
def test_detect_format_keeps_jsonl_whose_strings_hold_markup(name):
    # every line is a JSON object, so it is JSONL even though its tags pass the HTML density test
    head = ((json.dumps(MARKUP_ARTICLE) + "\n") * 4).encode()
    assert "jsonl" == detect_format(name, head)


def test_jsonl_with_markup_keeps_its_tags_as_text(tmp_path):
    from claimscope.ingest import read_path

    path = tmp_path / "posts.jsonl"
    path.write_text((json.dumps(MARKUP_ARTICLE) + "\n") * 3, encoding="utf-8")
    articles = list(read_path(str(path)))
    assert 3 == len(articles)
    assert all("onerror=alert(1)" in a.text and "<b>bold</b>" in a.text for a in articles)
