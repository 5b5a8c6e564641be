"""Format and encoding sniffing: the one place raw bytes become a stream of text.

Every reader gets its text from here, so an input is decoded one way whatever its format.
The decoding cascade (``decode_head``); each step runs only when the one before could not decide:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. a declared charset (``<meta charset>`` or ``http-equiv`` in HTML, or a Content-Type header
   passed by the WARC reader), kept only if it decodes the head without errors;
3. strict UTF-8 on the head (most inputs today; cheaper and surer than detection);
4. charset-normalizer's detection on the head, ties broken towards windows-1252;
5. UTF-8 with replacement characters, noted on every article.

Gzip is opened transparently (by magic number, not suffix). Unreadable input raises
``InputError`` naming the file and the problem.
"""
from __future__ import annotations

import codecs
import gzip
import io
import json
import logging
import re
import sys
import unicodedata
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO, TextIO

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

from claimscope.errors import InputError

logger = logging.getLogger(__name__)

FORMATS = ("textdump", "html", "jsonl", "warc")

# Bytes read (after gunzip) to choose the format and encoding. 64 KiB holds the <head> of any
# news page we tried and a dozen JSONL articles, and charset-normalizer answers in ~10 ms on it.
HEAD_BYTES = 64 * 1024

GZIP_MAGIC = b"\x1f\x8b"

# Magic numbers of files people drop into news folders by mistake, to name them in the error.
BINARY_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"%PDF-": "PDF document",
    b"PK\x03\x04": "ZIP archive (also .docx/.xlsx/.epub)",
    b"\x7fELF": "ELF executable",
    b"SQLite format 3\x00": "SQLite database",
    b"BZh": "bzip2 archive",
    b"\xfd7zXZ\x00": "xz archive",
    b"RIFF": "RIFF media file",
}

BOMS = (  # longest first: the UTF-32-LE mark starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Share of control characters (other than tab, newline, carriage return, form feed, escape) in
# the decoded head above which a file is binary. Real news text and the seed dump have none;
# 1% tolerates a stray control character per line of a hand-edited file.
MAX_CONTROL_SHARE = 0.01

# WHATWG's default for legacy Western pages: labels that mean windows-1252 on the web, and the
# encoding that wins when it reads the bytes as cleanly as charset-normalizer's guess (the
# detector cannot tell cp1250, cp775 or mac-iceland from cp1252 on English text with a few
# curly quotes). Measured on the 924 PolNeAR train+dev texts re-encoded as cp1252.
LEGACY_DEFAULT = "cp1252"
WEB_ALIASES = {"iso-8859-1": LEGACY_DEFAULT, "latin1": LEGACY_DEFAULT, "latin-1": LEGACY_DEFAULT,
               "iso8859-1": LEGACY_DEFAULT, "us-ascii": LEGACY_DEFAULT, "ascii": LEGACY_DEFAULT}
# Mess ratios (charset-normalizer's chaos, 0 clean .. 1 garbage) closer than this are a tie.
# Share of the non-ASCII characters of a cp1252 reading that may be symbols between two letters
# ("powiedzia³", "¿e": the mark of cp1250 bytes read as cp1252) before cp1252 is refused. The
# 496 PolNeAR texts re-encoded as cp1252 have none; Polish news sentences in cp1250 have 33-57%.
MAX_SYMBOLS_IN_WORDS_SHARE = 0.05
DETECTION_TIE = 0.02

# Unicode categories that never sit inside a word (quotes and dashes, Pi/Pf/Pd, do: "don’t").
_WORD_BREAKING_CATEGORIES = {"No", "So", "Sc", "Sm", "Sk", "Po"}
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,100}encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""")
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
                         re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(
    rb"</?(?:html|head|body|meta|title|link|script|style|div|span|p|a|br|img|ul|ol|li|h[1-6]|"
    rb"article|section|header|footer|nav|table|tr|td|figure|em|strong|b|i)[\s/>]",
    re.IGNORECASE)
# Tag density that makes a head HTML without a doctype: at least this many known tags, and
# known tags at least this often per 1,000 bytes. The seed dump and the PolNeAR texts have none;
# a bare fragment of 3 short paragraphs in <p> tags already passes both.
MIN_HTML_TAGS = 5
MIN_HTML_TAGS_PER_KB = 2.0
_WARC_START = re.compile(rb"^\s*WARC/1\.\d\r?\n")
SUFFIX_FORMATS = (  # longest suffix first
    (".warc.gz", "warc"), (".warc", "warc"), (".html.gz", "html"), (".htm", "html"),
    (".html", "html"), (".xhtml", "html"), (".jsonl.gz", "jsonl"), (".jsonl", "jsonl"),
    (".ndjson", "jsonl"), (".txt.gz", "textdump"), (".txt", "textdump"),
)


@dataclass(slots=True, kw_only=True)
class OpenedInput:
    """A binary stream positioned at the start (gunzipped if it was gzip) and its first bytes."""

    path: str
    stream: BinaryIO
    head: bytes
    notes: list[str] = field(default_factory=list)

    def close(self) -> None:
        self.stream.close()


class _Prefixed(io.RawIOBase):
    """Replays bytes already read, then the rest of a stream: lets us sniff stdin and gzip."""

    def __init__(self, prefix: bytes, rest: BinaryIO):
        self._prefix = memoryview(prefix)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._prefix:
            n = min(len(buffer), len(self._prefix))
            buffer[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if self._rest is not sys.stdin.buffer:
            self._rest.close()
        super().close()


def _os_problem(err: OSError) -> str:
    if isinstance(err, FileNotFoundError):
        return "no such file"
    if isinstance(err, IsADirectoryError):
        return "is a directory, not a file"
    if isinstance(err, PermissionError):
        return "permission denied"
    return f"cannot read: {err.strerror or err}"


def _close_quietly(raw: BinaryIO) -> None:
    if raw is not sys.stdin.buffer:
        raw.close()


def open_binary(path: str) -> OpenedInput:
    """Open ``path`` ("-" is stdin), gunzip it if its bytes say gzip, and read the head.

    Raises InputError for a missing, unreadable or empty input and for a broken gzip stream.
    """
    try:
        raw: BinaryIO = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    except OSError as err:
        raise InputError(path, _os_problem(err)) from err
    try:
        head = raw.read(HEAD_BYTES)
        notes: list[str] = []
        stream: BinaryIO = io.BufferedReader(_Prefixed(head, raw))
        if head.startswith(GZIP_MAGIC):
            gz = gzip.GzipFile(fileobj=stream, mode="rb")
            head = gz.read(HEAD_BYTES)
            stream = io.BufferedReader(_Prefixed(head, gz))
            notes.append("gzip-compressed")
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:
        _close_quietly(raw)
        raise InputError(path, f"corrupt gzip data ({err})") from err
    except OSError as err:
        _close_quietly(raw)
        raise InputError(path, _os_problem(err)) from err
    if not head.strip():
        stream.close()
        raise InputError(path, "empty file" if not head else "whitespace-only file")
    return OpenedInput(path=path, stream=stream, head=head, notes=notes)


def _bom(head: bytes) -> str | None:
    for mark, name in BOMS:
        if head.startswith(mark):
            return name
    return None


def check_text(path: str, head: bytes) -> None:
    """Raise InputError when the head is not text: a known binary format, NUL bytes, control codes."""
    for magic, kind in BINARY_MAGIC.items():
        if head.startswith(magic):
            raise InputError(path, f"binary file ({kind}; not text, HTML, JSONL or WARC)")
    encoding = _bom(head)
    if encoding and encoding != "utf-8":  # UTF-16/32 hold NUL bytes by design
        text = head.decode(encoding, errors="replace")
    else:
        if b"\x00" in head:
            raise InputError(path, "binary file (not text, HTML, JSONL or WARC)")
        text = head.decode("latin-1")
    controls = sum(1 for c in text if (ord(c) < 32 and c not in "\t\n\r\f\x1b") or c == "\x00")
    if text and controls / len(text) > MAX_CONTROL_SHARE:
        raise InputError(path, "binary file (not text, HTML, JSONL or WARC)")


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, HEAD_BYTES)
    except zlib.error:
        return b""


def _looks_jsonl(head: bytes, truncated: bool) -> bool:
    lines = head.decode("utf-8", errors="replace").splitlines()
    if truncated and lines:
        last = lines.pop()  # may be cut off mid-object: only its first character counts
        if not lines:
            return last.lstrip().startswith("{")
    seen = False
    for line in lines:
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError:
            return False
        if not isinstance(value, dict):
            return False
        seen = True
    return seen


def _looks_html(head: bytes) -> bool:
    start = head.lstrip(codecs.BOM_UTF8)
    if _HTML_START.match(start):
        return True
    tags = len(_HTML_TAG.findall(head))
    return tags >= MIN_HTML_TAGS and tags * 1000 / max(len(head), 1) >= MIN_HTML_TAGS_PER_KB


def _format_by_suffix(path: str) -> str | None:
    lower = path.lower()
    for suffix, fmt in SUFFIX_FORMATS:
        if lower.endswith(suffix):
            return fmt
    return None


def detect_format(path: str, head: bytes) -> str:
    """Name the format of an input from its first bytes; the suffix only breaks a tie.

    ``head`` may be gzip-compressed (the gzip magic number is looked inside). Returns one of
    ``FORMATS``; plain text that is none of the others is a text dump. Raises InputError for
    an empty or binary head, since no format fits it.
    """
    if head.startswith(GZIP_MAGIC):
        head = _gunzip_head(head)
    if not head.strip():
        raise InputError(path, "empty file" if not head else "whitespace-only file")
    if _WARC_START.match(head):
        return "warc"
    check_text(path, head)
    encoding = _bom(head)
    if encoding and encoding != "utf-8":  # sniff UTF-16/32 on their UTF-8 re-encoding
        head = head.decode(encoding, errors="replace").encode("utf-8")
    head = head.removeprefix(codecs.BOM_UTF8)
    # JSONL before HTML: a file whose every line is a JSON object is JSONL whatever its strings
    # hold, and stories quoting markup ("<b>", "<img onerror=...>") can pass the tag-density test
    if head.lstrip().startswith(b"{") and _looks_jsonl(head, truncated=len(head) >= HEAD_BYTES):
        return "jsonl"
    if _looks_html(head):
        return "html"
    by_suffix = _format_by_suffix(path)
    if by_suffix in ("html", "jsonl", "warc"):
        # the suffix promises a structured format the bytes do not show (an HTML fragment with
        # few tags, a JSONL file whose first line is broken, a WARC cut at the front): that
        # reader reads it, or says why not better than the text-dump splitter could
        logger.info("%s: format not clear from its bytes; going by its suffix (%s)", path, by_suffix)
        return by_suffix
    return "textdump"


def _codec_name(label: str) -> str | None:
    label = label.strip().lower()
    label = WEB_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _decodes_cleanly(head: bytes, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        decoder.decode(head, final=False)  # a character cut at the end of the head is fine
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML or XML head declares (meta charset, http-equiv, xml declaration)."""
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _detect(head: bytes) -> str | None:
    """charset-normalizer's best guess, unless windows-1252 reads the bytes as cleanly.

    On English text with a handful of curly quotes the detector scores a dozen code pages alike
    and returns whichever comes first (cp775, mac-iceland, even big5). So windows-1252, the
    web's legacy default, is decoded too and wins when its mess ratio is no worse than the
    guess's (within ``DETECTION_TIE``) and it does not put symbols inside words. Cyrillic or
    Greek bytes read as cp1252 are a mess, and Polish in cp1250 read as cp1252 gives
    "powiedzia³" and "¿e", so their own code pages still win.
    """
    matches = list(from_bytes(head))
    best = matches[0] if matches else None
    if _decodes_cleanly(head, LEGACY_DEFAULT):
        legacy_mess = mess_ratio(head.decode(LEGACY_DEFAULT, errors="ignore"), maximum_threshold=1.0)
        legacy_text = head.decode(LEGACY_DEFAULT, errors="ignore")
        if ((best is None or legacy_mess <= best.chaos + DETECTION_TIE)
                and _symbols_in_words_share(legacy_text) <= MAX_SYMBOLS_IN_WORDS_SHARE):
            return LEGACY_DEFAULT
    return best.encoding if best else None


def _symbols_in_words_share(text: str) -> float:
    """Share of non-ASCII characters that are symbols or digits wedged between two letters."""
    non_ascii = wedged = 0
    for i, char in enumerate(text):
        if ord(char) < 128:
            continue
        non_ascii += 1
        if (0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()
                and unicodedata.category(char) in _WORD_BREAKING_CATEGORIES):
            wedged += 1
    return wedged / non_ascii if non_ascii else 0.0


def decode_head(path: str, head: bytes, *, declared: str | None = None) -> tuple[str, list[str]]:
    """Choose the encoding for an input from its head, by the cascade in the module docstring.

    ``declared`` is a charset from outside the bytes (a WARC record's Content-Type); it is tried
    before the one the head declares. Returns the Python codec name and notes for the article.
    """
    bom = _bom(head)
    if bom:
        # utf-8-sig, utf-16 and utf-32 consume the mark, so it does not reach the article text
        return ("utf-8-sig" if bom == "utf-8" else bom[:6]), ["byte-order mark: " + bom]
    notes: list[str] = []
    for label in (declared, declared_charset(head)):
        if not label:
            continue
        codec = _codec_name(label)
        if codec is None:
            notes.append(f"unknown declared charset {label!r} ignored")
        elif codec != "utf-8" and not head.isascii() and _decodes_cleanly(head, "utf-8"):
            # non-ASCII bytes that form valid UTF-8 are UTF-8 whatever the page claims (CMSs
            # keep a stale iso-8859-1 template header); by chance legacy text almost never is
            notes.append(f"declared charset {label!r} but the bytes are UTF-8")
            return "utf-8", notes
        elif _decodes_cleanly(head, codec):
            if codec != "utf-8":
                notes.append(f"encoding {codec} (declared)")
            return codec, notes
        else:
            notes.append(f"declared charset {label!r} does not fit the bytes; ignored")
    if _decodes_cleanly(head, "utf-8"):
        return "utf-8", notes
    detected = _detect(head)
    if detected and _decodes_cleanly(head, detected):
        codec = codecs.lookup(detected).name
        notes.append(f"encoding detected as {codec}")
        return codec, notes
    notes.append("encoding unknown: decoded as UTF-8 with invalid bytes replaced")
    logger.warning("%s: encoding unknown; decoding as UTF-8 with replacement", path)
    return "utf-8", notes


def decode_bytes(path: str, data: bytes, *, declared: str | None = None) -> tuple[str, list[str]]:
    """Decode a whole payload (a WARC record) by the same cascade as a file."""
    encoding, notes = decode_head(path, data[:HEAD_BYTES], declared=declared)
    return data.decode(encoding, errors="replace"), notes


def text_stream(opened: OpenedInput) -> tuple[TextIO, list[str]]:
    """Wrap an opened input in a decoding text stream; line ends are kept as they are.

    Offsets into the decoded text (``RawArticle.raw_start``) then match the file, CRLF included.
    """
    check_text(opened.path, opened.head)
    encoding, notes = decode_head(opened.path, opened.head)
    stream = io.TextIOWrapper(opened.stream, encoding=encoding, errors="replace", newline="")
    return stream, opened.notes + notes


def open_text(path: str) -> tuple[TextIO, list[str]]:
    """Open ``path`` ("-" for stdin) as decoded text, gunzipping it if needed.

    Returns the stream and notes on how it was decoded (empty for plain UTF-8). Raises
    InputError for missing, unreadable, empty, whitespace-only and binary inputs.
    """
    opened = open_binary(path)
    try:
        return text_stream(opened)
    except InputError:
        opened.close()
        raise


def read_lines(stream: TextIO, *, max_line_chars: int) -> Iterator[str]:
    """Yield the lines of ``stream`` with their ends, never holding more than ``max_line_chars``.

    A longer line comes in pieces of ``max_line_chars`` (only the last ends in a newline), so a
    reader can count it, skip it and report it without a gigabyte line in memory.
    """
    while True:
        piece = stream.readline(max_line_chars)
        if not piece:
            return
        yield piece

__all__ = ["FORMATS", "HEAD_BYTES", "OpenedInput", "check_text", "decode_bytes", "decode_head",
           "declared_charset", "detect_format", "open_binary", "open_text", "read_lines", "text_stream"]
