"""PolNeAR corpus reader: BRAT standoff attributions and the article texts they point into.

Reads the gold exactly as the reference scorer (``tools/attrib_score.py``) does, so what we
train on and what we are scored against are the same quotes:

* per article, only the ``.ann`` whose annotator suffix sorts first (plain ``str`` sort);
* ``T`` lines are entities with one or more fragments (``"10 20;25 40"`` is two fragments);
* each ``E`` line is one attribution: ``Type:Trigger Role:T.. ...``; role names lose their
  trailing digits (``Content2`` is a Content);
* the cue is the covering span of all Cue fragments (or the trigger's, when no Cue role);
  sources and contents are every fragment, de-duplicated, in document order.

Parsed texts are cached as a spaCy ``DocBin`` per split, since parsing is most of the cost of
training and evaluating.
"""
from __future__ import annotations

import hashlib
import logging
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from claimscope.errors import InputError

logger = logging.getLogger(__name__)

_T_RE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$")
_E_RE = re.compile(r"^(E\d+)\t(\S+)")
_ROLE_DIGITS = re.compile(r"\d+$")
_ID_RE = re.compile(r"^[A-Z#]\d*\t")


@dataclass(frozen=True, slots=True, kw_only=True)
class BratEntity:
    """One ``T`` line: a label and its fragments (half-open character ranges)."""

    id: str
    label: str
    fragments: tuple[tuple[int, int], ...]
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class BratEvent:
    """One ``E`` line: its type, trigger entity id and ``(role, entity id)`` arguments in order."""

    id: str
    type: str
    trigger: str
    args: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class BratDocument:
    """A parsed ``.ann`` file; ``to_text`` re-serialises it."""

    entities: tuple[BratEntity, ...]
    events: tuple[BratEvent, ...]
    other_lines: tuple[str, ...] = ()  # attributes, notes, relations: kept, not interpreted

    def to_text(self) -> str:
        lines = []
        for ent in self.entities:
            frags = ";".join(f"{s} {e}" for s, e in ent.fragments)
            lines.append(f"{ent.id}\t{ent.label} {frags}\t{ent.text}")
        for ev in self.events:
            args = " ".join(f"{r}:{t}" for r, t in ev.args)
            lines.append(f"{ev.id}\t{ev.type}:{ev.trigger}" + (f" {args}" if args else ""))
        lines.extend(self.other_lines)
        return "".join(line + "\n" for line in lines)


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldQuote:
    """One gold attribution in the scorer's shape: a cue, sources and contents (character ranges)."""

    cue: tuple[int, int]
    sources: tuple[tuple[int, int], ...]
    contents: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class PolnearArticle:
    """An article's raw text (read with ``newline=""``, as the scorer does) and its gold quotes."""

    name: str
    text: str
    quotes: tuple[GoldQuote, ...]
    ann_file: str


def parse_brat(source: str, *, path: str = "<string>") -> BratDocument:
    """Parse BRAT standoff text; a malformed ``T`` or ``E`` line raises ``InputError``."""
    entities, events, other = [], [], []
    last_is_entity = False
    lines = source.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the file's final newline ends the last line, it does not add one
    for lineno, line in enumerate(lines, 1):
        if not _ID_RE.match(line):
            # An entity whose text spans a newline continues on the next line(s).
            if last_is_entity:
                last = entities[-1]
                entities[-1] = BratEntity(id=last.id, label=last.label, fragments=last.fragments,
                                          text=last.text + "\n" + line)
            elif line.strip():
                raise InputError(path, f"line is neither an annotation nor entity text: {line!r}", line=lineno)
            continue
        last_is_entity = line.startswith("T")
        if line.startswith("T"):
            m = _T_RE.match(line)
            if not m:
                raise InputError(path, f"malformed entity line {line!r}", line=lineno)
            frags = tuple(tuple(int(x) for x in fr.split()) for fr in m.group(3).split(";"))
            if any(s > e for s, e in frags):
                raise InputError(path, f"fragment ends before it starts in {line!r}", line=lineno)
            entities.append(BratEntity(id=m.group(1), label=m.group(2), fragments=frags, text=m.group(4)))
        elif line.startswith("E"):
            m = _E_RE.match(line)
            parts = line.split("\t", 1)[1].split() if m and "\t" in line else []
            if not parts or ":" not in parts[0]:
                raise InputError(path, f"malformed event line {line!r}", line=lineno)
            etype, trigger = parts[0].split(":", 1)
            args = tuple(tuple(a.split(":", 1)) for a in parts[1:] if ":" in a)
            events.append(BratEvent(id=m.group(1), type=etype, trigger=trigger, args=args))
        else:
            other.append(line)
    return BratDocument(entities=tuple(entities), events=tuple(events), other_lines=tuple(other))


def quotes_from_brat(doc: BratDocument, *, path: str = "<string>") -> tuple[GoldQuote, ...]:
    """One quote per event, with the reference scorer's cue/source/content rules."""
    ents = {e.id: e for e in doc.entities}
    quotes = []
    for ev in doc.events:
        roles: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for role, tid in ev.args:
            if tid in ents:
                roles[_ROLE_DIGITS.sub("", role)].extend(ents[tid].fragments)
            else:
                logger.warning("%s: %s refers to missing %s", path, ev.id, tid)
        cue_frags = roles.get("Cue") or (list(ents[ev.trigger].fragments) if ev.trigger in ents else [])
        if not cue_frags:
            logger.warning("%s: %s has no cue and no trigger span; skipped", path, ev.id)
            continue
        quotes.append(GoldQuote(
            cue=(min(s for s, _ in cue_frags), max(e for _, e in cue_frags)),
            sources=tuple(sorted(set(roles.get("Source", [])))),
            contents=tuple(sorted(set(roles.get("Content", [])))),
        ))
    return tuple(quotes)


def select_ann_files(split_dir: str | os.PathLike) -> dict[str, Path]:
    """Article name -> the ``.ann`` whose annotator suffix sorts first (the scorer's policy)."""
    adir = Path(split_dir) / "attributions"
    if not adir.is_dir():
        raise InputError(str(adir), "no attributions/ folder (expected the PolNeAR layout)")
    by_article: dict[str, list[str]] = defaultdict(list)
    for fn in os.listdir(adir):
        if fn.endswith(".ann") and "_" in fn[:-4]:
            article, suffix = fn[:-4].rsplit("_", 1)
            by_article[article].append(suffix)
    return {a: adir / f"{a}_{sorted(s)[0]}.ann" for a, s in by_article.items()}


def read_text(path: str | os.PathLike) -> str:
    """An article text as the scorer reads it: UTF-8, newlines untouched."""
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def read_polnear(split_dir: str | os.PathLike) -> list[PolnearArticle]:
    """Every article of one split (``DATA/train``) that has both a text and an ``.ann``, by name."""
    tdir = Path(split_dir) / "text"
    if not tdir.is_dir():
        raise InputError(str(tdir), "no text/ folder (expected the PolNeAR layout)")
    chosen = select_ann_files(split_dir)
    out = []
    for fn in sorted(os.listdir(tdir)):
        if not fn.endswith(".txt"):
            continue
        name = fn[:-4]
        if name not in chosen:
            logger.warning("%s: no .ann file; skipped", name)
            continue
        ann = chosen[name]
        quotes = quotes_from_brat(parse_brat(read_text(ann), path=str(ann)), path=str(ann))
        out.append(PolnearArticle(name=name, text=read_text(tdir / fn), quotes=quotes, ann_file=ann.name))
    return out


def parse_texts(texts: list[str], *, cache_dir: str | os.PathLike | None = None, tag: str = "docs"):
    """spaCy Docs for ``texts`` from ``build_nlp()``, cached in ``cache_dir`` as a DocBin.

    The cache key hashes the texts and the model name, so a changed corpus or model re-parses.
    """
    from spacy.tokens import DocBin

    from claimscope.nlp.pipeline import MODEL_NAME, build_nlp

    nlp = build_nlp()
    path = None
    if cache_dir is not None:
        h = hashlib.sha1(MODEL_NAME.encode())
        for t in texts:
            h.update(t.encode("utf-8"))
            h.update(b"\0")
        path = Path(cache_dir) / f"{tag}-{h.hexdigest()[:12]}.spacy"
        if path.exists():
            docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
            if len(docs) == len(texts):
                return docs
    docs = list(nlp.pipe(texts, batch_size=16))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=False, docs=docs).to_disk(path)
        logger.info("parsed %d texts into %s", len(docs), path)
    return docs


__all__ = [
    "BratDocument",
    "BratEntity",
    "BratEvent",
    "GoldQuote",
    "PolnearArticle",
    "parse_brat",
    "parse_texts",
    "quotes_from_brat",
    "read_polnear",
    "read_text",
    "select_ann_files",
]
