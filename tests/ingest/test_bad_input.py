"""Bad input: every way a file can be wrong ends in a clear InputError, never a crash.

A raised InputError means the whole input failed; a yielded one means one article did and the
rest came through (see ``claimscope.ingest``).
"""
from __future__ import annotations

import gzip
import os
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimscope.errors import InputError
from claimscope.ingest import read_articles, read_path
from claimscope.ingest.textdump import MAX_ARTICLE_CHARS
from claimscope.model import Article, RawArticle

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED = Path(__file__).resolve().parents[2] / "examples" / "seed.txt"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"

LEGACY_DUMP = (
    "Caf\u00e9 owners in Montr\u00e9al protest new terrace fees\n\n"
    "MONTR\u00c9AL \u2014 Dozens of caf\u00e9 and bistro owners gathered outside city hall on Tuesday to denounce "
    "a new fee on summer terraces.\n\n"
    "\u201cWe survived the pandemic, and now they want us to pay for the sidewalk,\u201d said Ren\u00e9e Gagnon, "
    "who runs a caf\u00e9 on rue Saint-Denis. \u201cIt\u2019s absurd.\u201d\n\n"
    "The city\u2019s executive committee defended the fee, saying the revenue would pay for wider sidewalks.\n"
)


def _problem(path) -> str:
    with pytest.raises(InputError) as caught:
        list(read_path(str(path)))
    assert str(path) == caught.value.path
    return caught.value.problem


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (PNG, "binary file (PNG image; not text, HTML, JSONL or WARC)"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (PDF document; not text, HTML, JSONL or WARC)"),
        (bytes(range(256)) * 4, "binary file (not text, HTML, JSONL or WARC)"),
        (b"Headline\n\nBody \x00\x00\x00 text", "binary file (not text, HTML, JSONL or WARC)"),
        (b"", "empty file"),
        (b" \n\t\r\n   \n", "whitespace-only file"),
        (gzip.compress(b""), "empty file"),
        (gzip.compress(PNG), "binary file (PNG image; not text, HTML, JSONL or WARC)"),
    ],
    ids=["png", "pdf", "all-bytes", "nul-in-text", "empty", "whitespace", "empty-gzip", "gzipped-png"],
)
def test_read_path_refuses_input_that_is_not_text(tmp_path, content, expected):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    assert expected == _problem(path)


def test_read_path_reports_a_missing_file(tmp_path):
    assert "no such file" == _problem(tmp_path / "missing.txt")


def test_read_path_reports_a_directory_given_as_a_file(tmp_path):
    assert "is a directory, not a file" == _problem(tmp_path)


def test_read_path_reports_a_file_it_may_not_read(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("Headline\n\nBody.\n")
    path.chmod(0)
    if os.access(path, os.R_OK):
        pytest.skip("running as root: file permissions do not block reading here")
    assert "permission denied" == _problem(path)


def test_read_path_reports_a_truncated_gzip_file(tmp_path):
    path = tmp_path / "cut.txt.gz"
    whole = gzip.compress(SEED.read_bytes() * 20)
    path.write_bytes(whole[: len(whole) // 2])
    problem = _problem(path)
    assert problem.startswith(("corrupt gzip data", "reading stopped"))


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_read_articles_decodes_legacy_text_without_mojibake(tmp_path, encoding):
    text = LEGACY_DUMP if encoding == "cp1252" else LEGACY_DUMP.translate(
        {0x201C: '"', 0x201D: '"', 0x2019: "'", 0x2014: "-"})
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    (article,) = read_articles(str(path))
    assert "Caf\u00e9 owners in Montr\u00e9al protest new terrace fees" == article.headline
    assert any("Ren\u00e9e Gagnon" in p for p in article.paragraphs)
    assert not any("\u00c3" in p or "\u00e2\u20ac" in p or "\ufffd" in p for p in article.paragraphs)


def test_read_path_skips_an_oversized_article_and_reads_the_others(tmp_path):
    lines = SEED.read_text(encoding="utf-8").splitlines(keepends=True)
    kursk, afghans_head, afghans_body = "".join(lines[:60]), "".join(lines[60:78]), "".join(lines[78:])
    padding = afghans_body * (2 * MAX_ARTICLE_CHARS // len(afghans_body))  # ~2M characters, streamed
    path = tmp_path / "big.txt"
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(kursk + afghans_head)
        out.write(padding)
        out.write("\n\n\n" + kursk)
    items = list(read_path(str(path)))
    assert [RawArticle, InputError, RawArticle] == [type(i) for i in items]
    assert all(i.text.startswith("Russia Says Last Ukrainian Troops") for i in items[::2])
    error = items[1]
    assert 61 == error.line
    assert f"is over {MAX_ARTICLE_CHARS} characters" in error.problem


def test_read_articles_reads_malformed_html():
    (article,) = read_articles(str(FIXTURES / "bad" / "malformed.html"))
    assert "Flood waters recede in river towns" == article.headline
    assert any("no deaths had been reported" in p for p in article.paragraphs)


def test_read_articles_reads_good_jsonl_lines_around_broken_ones():
    items = list(read_articles(str(FIXTURES / "jsonl" / "articles.jsonl")))
    assert [Article, Article, InputError, InputError, InputError, Article] == [type(i) for i in items]


def test_read_path_reads_stdin_given_a_dash():
    import subprocess
    import sys

    script = ("from claimscope.ingest import read_path\n"
              "print([a.title for a in read_path('-')])\n")
    done = subprocess.run([sys.executable, "-c", script], input=(FIXTURES / "html" / "cp1252_story.html").read_bytes(),
                          capture_output=True, timeout=120, check=True, cwd=SEED.parents[1])
    assert "['Caf\u00e9 owners in Montr\u00e9al protest new terrace fees']" == done.stdout.decode().strip()


# Prefixes that steer arbitrary bytes into each reader, so every one of them meets garbage.
STEERS = [b"", b"<!doctype html><html><body><p>", b'{"title": "x", "text": "', b"WARC/1.0\r\n",
          b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\n", b"\x1f\x8b", b"\xef\xbb\xbf",
          b"Headline\n\n", b"\xff\xfe"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steer=st.sampled_from(STEERS), body=st.binary(max_size=3000), gzipped=st.booleans())
def test_readers_given_arbitrary_bytes_raise_nothing_but_input_error(steer, body, gzipped):
    content = steer + body
    if gzipped:
        content = gzip.compress(content)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input"
        path.write_bytes(content)
        try:
            for item in read_articles(str(path)):
                assert isinstance(item, (Article, InputError))
        except InputError:
            pass


def test_readers_given_a_shuffled_real_fixture_raise_nothing_but_input_error(tmp_path):
    rng = random.Random(7)
    for source in sorted((FIXTURES / "html").iterdir()) + [FIXTURES / "jsonl" / "articles.jsonl"]:
        data = bytearray(source.read_bytes())
        for _ in range(len(data) // 50):  # flip 2% of the bytes
            data[rng.randrange(len(data))] = rng.randrange(256)
        path = tmp_path / source.name
        path.write_bytes(bytes(data))
        try:
            list(read_articles(str(path)))
        except InputError:
            pass
