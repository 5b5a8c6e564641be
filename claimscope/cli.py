"""The ``claimscope`` command: thin commands over the library (see docs/cli.md).

Each command parses, calls a library function that returns a result, prints, and sets the exit
code: 0 every input was read, 1 some failed (each listed on stderr as ``path[:line]: problem``),
2 a usage error. Data goes to stdout; progress, notes and failures to stderr.

Adding a command is one decorated function: ``@cli.command()`` below the others.
"""
from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable, Iterator

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from claimscope import __version__
from claimscope.errors import ClaimscopeError, ConfigError, InputError, StoreError
from claimscope.model import ArticleAnalysis

logger = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1  # some inputs failed; each is listed on stderr
EXIT_USAGE = 2  # click's own code for a usage error

# How many characters of each attribution's content the text summary shows.
TEXT_CONTENT_CHARS = 120

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _stderr() -> Console:
    # Built per call so it writes to whatever sys.stderr is now (tests capture it).
    return Console(stderr=True, highlight=False)


def _report_failures(failures: Iterable[InputError]) -> int:
    count = 0
    for failure in failures:
        click.echo(str(failure), err=True)
        count += 1
    return count


def _progress(label: str) -> Progress:
    return Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=_stderr(),
        transient=True,
    )


def _expand(paths: tuple[str, ...]) -> tuple[list[str], list[InputError]]:
    from claimscope.ingest.inputs import expand_inputs

    return expand_inputs(list(paths))


@click.group(name="claimscope", context_settings=CONTEXT)
@click.version_option(__version__, prog_name="claimscope")
@click.option("-v", "--verbose", count=True, help="More log lines on stderr (-v info, -vv debug).")
def cli(verbose: int) -> None:
    """Read the news as evidence: clean articles, who said what, claims and disputes.

    \b
    Examples:
      claimscope analyze examples/seed.txt --format text
      claimscope ingest news/ 'dumps/*.txt' --db claimscope.db --jobs 2
      claimscope search Gerasimov --db claimscope.db
    """
    level = {0: logging.WARNING, 1: logging.INFO}.get(verbose, logging.DEBUG)
    logging.basicConfig(level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s", force=True)


DB_OPTION = click.option(
    "--db",
    "db_url",
    default="sqlite:///claimscope.db",
    show_default=True,
    metavar="URL",
    help="Store: a SQLite path or sqlite:///path.db, or postgresql://user@host/db.",
)
JOBS_OPTION = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes to read and analyse inputs with.",
)


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@DB_OPTION
@JOBS_OPTION
@click.option(
    "--scheduler",
    metavar="ADDRESS|local",
    help="Analyse on a Dask cluster: a scheduler address (tcp://host:8786), or local to start one here "
    "with --jobs workers. Workers read the inputs themselves, under the same paths (docs/runner.md).",
)
def ingest(paths: tuple[str, ...], db_url: str, jobs: int, scheduler: str | None) -> None:
    """Read, analyse and store articles; re-running on the same inputs changes nothing.

    PATH is a file (text dump, HTML, JSON Lines, WARC; gzip is fine), a folder (read
    recursively), a quoted glob, or - for stdin. A near-duplicate of a stored article is linked
    to it rather than stored twice. Prints a summary on stdout and each failure on stderr.

    \b
    Examples:
      claimscope ingest examples/seed.txt
      claimscope ingest news/ --db sqlite:///news.db --jobs 2
      claimscope ingest 'dumps/**/*.txt.gz' --db postgresql://claims@dbhost/claims
      claimscope ingest corpus/ --scheduler tcp://scheduler:8786
    """
    from claimscope.runner import run_local
    from claimscope.runner.claimmap import update_claim_map
    from claimscope.store import open_store
    from claimscope.store.writer import write_results

    files, arg_errors = _expand(paths)
    failed = _report_failures(arg_errors)
    try:
        store = open_store(db_url)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc  # exit 1: nothing could be stored
    with store, _progress("ingesting") as bar:
        task = bar.add_task("ingest", total=len(files))
        if scheduler is None:
            results = run_local(files, jobs=jobs, known_ids=store.known_ids())
        else:
            from claimscope.runner.dask import run_dask

            results = run_dask(files, scheduler=None if scheduler == "local" else scheduler,
                               known_ids=store.known_ids(), n_workers=jobs)
        try:
            summary = write_results(store, results, on_file=lambda _: bar.advance(task))
        except ConfigError as exc:  # the scheduler cannot be reached, or dask is not installed
            raise click.ClickException(str(exc)) from exc
        claim_map = update_claim_map(store) if summary.new else None
        totals = store.table_counts()
    failed += _report_failures(summary.failures)
    click.echo(
        f"ingested {summary.new}, unchanged {summary.unchanged}, "
        f"near-duplicates {summary.near_duplicates}, failed {failed}"
    )
    if claim_map is not None:
        click.echo(f"claim map: {len(claim_map.links)} new claim links, {len(claim_map.disputes)} disputes "
                   f"found or updated; the store holds {totals['claim_links']} links, {totals['disputes']} disputes")
    click.get_current_context().exit(EXIT_FAILED if failed else EXIT_OK)


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "text"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one analysis object per line; text: a readable summary per article.",
)
@JOBS_OPTION
def analyze(paths: tuple[str, ...], fmt: str, jobs: int) -> None:
    """Analyse articles and print the result; needs no store.

    Each article is printed once: a repeat, or a near-duplicate of an article already printed in
    this call, is noted on stderr instead. The jsonl object's keys are documented in docs/cli.md.

    \b
    Examples:
      claimscope analyze examples/seed.txt --format text
      claimscope analyze news/ > analyses.jsonl
      cat page.html | claimscope analyze -
    """
    from claimscope.dedupe import NearDuplicateIndex
    from claimscope.runner import run_local

    from claimscope.knowledge.claimmap import attach_disputes, build_claim_map
    from claimscope.knowledge.entity_merging import merge_entities

    files, arg_errors = _expand(paths)
    failed = _report_failures(arg_errors)
    index, printed, analyses = NearDuplicateIndex(), set(), []
    for result in run_local(files, jobs=jobs):
        failed += _report_failures(result.errors)
        analyses.extend(_once_each(result.path, result.analyses, index, printed))
    # Entities are merged, claims linked and disputes found across all inputs of this call, then
    # printed per article.
    analyses = merge_entities(analyses)
    claim_map = build_claim_map(analyses)
    for analysis in attach_disputes(analyses, claim_map.disputes):
        if fmt == "jsonl":
            click.echo(json.dumps(analysis.to_json(), ensure_ascii=False))
        else:
            click.echo(format_text(analysis))
    click.get_current_context().exit(EXIT_FAILED if failed else EXIT_OK)


def _once_each(path: str, analyses: Iterable[ArticleAnalysis], index, seen: set[str]) -> Iterator[ArticleAnalysis]:
    """Drop repeats and near-duplicates of articles already printed in this call (noting them)."""
    for analysis in analyses:
        article = analysis.article
        if article.id in seen:
            click.echo(f"{path}: article {article.id} repeats one already printed; skipped", err=True)
            continue
        match = index.add(article)
        if match is not None:
            click.echo(
                f"{path}: article {article.id} near-duplicates {match.canonical_id} "
                f"(similarity {match.similarity:.2f}); skipped",
                err=True,
            )
            continue
        seen.add(article.id)
        yield analysis


def format_text(analysis: ArticleAnalysis) -> str:
    """A readable summary of one analysis: the article's facts, then who said what."""
    a = analysis.article
    facts = [f"id {a.id}"]
    for label, value in (("published", a.published), ("outlet", a.outlet), ("agency", a.agency),
                         ("language", a.language), ("from", a.source_file)):
        if value:
            facts.append(f"{label} {value}")
    words = len(a.text.split())
    lines = [f"# {a.headline or '(no headline)'}", "  " + " | ".join(facts),
             f"  {len(a.paragraphs)} paragraphs, {words} words"]
    if a.captions:
        lines.append(f"  {len(a.captions)} captions")
    found = ", ".join(f"{len(getattr(analysis, name))} {name}" for name in
                      ("entities", "places", "dates", "figures", "claims", "disputes"))
    lines.append(f"  found: {found}")
    lines.append(f"  attributions: {len(analysis.attributions)}")
    for attribution in analysis.attributions:
        who = attribution.source_resolved or (attribution.source.text if attribution.source else "(unnamed)")
        cue = f" {attribution.cue.text}" if attribution.cue else ""
        said = " … ".join(c.text for c in attribution.contents)
        if len(said) > TEXT_CONTENT_CHARS:
            said = said[: TEXT_CONTENT_CHARS - 1] + "…"
        kind = "direct" if attribution.direct else "indirect"
        lines.append(f"  - [{attribution.stance.value}] {who}{cue}: \"{said}\" ({kind}, {attribution.confidence:.2f})")
    return "\n".join(lines) + "\n"


@cli.command()
@click.argument("query", nargs=-1, required=True)
@DB_OPTION
@click.option("-n", "--limit", type=click.IntRange(min=1), default=10, show_default=True, help="Most hits to show.")
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text", show_default=True,
              help="text: id, headline and snippet per hit; jsonl: one {id, headline, snippet} per line.")
def search(query: tuple[str, ...], db_url: str, limit: int, fmt: str) -> None:
    """Find stored articles whose headline or text holds every word of QUERY, best first.

    Words are matched stemmed and case-insensitively; punctuation and operators are ignored.
    Matched words are shown [like this] in the snippet. The store is opened read-only.

    \b
    Examples:
      claimscope search Gerasimov
      claimscope search Kursk troops --db sqlite:///news.db --limit 5
    """
    from claimscope.store import open_store

    try:
        store = open_store(db_url, read_only=True)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    with store:
        hits = store.search(" ".join(query), limit=limit)
    for hit in hits:
        if fmt == "jsonl":
            click.echo(json.dumps({"id": hit.id, "headline": hit.headline, "snippet": hit.snippet}, ensure_ascii=False))
        else:
            click.echo(f"{hit.id}  {hit.headline or '(no headline)'}\n    {hit.snippet}")
    if not hits:
        click.echo("no matches", err=True)


def _open_read_only(db_url: str):
    from claimscope.store import open_store

    try:
        return open_store(db_url, read_only=True)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def _echo_rows(rows: Iterable[dict], fmt: str, line) -> None:
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False) if fmt == "jsonl" else line(row))


ROWS_FORMAT = click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text",
                           show_default=True, help="text: one readable line each; jsonl: one JSON object per line.")
LIMIT_OPTION = click.option("-n", "--limit", type=click.IntRange(min=1, max=1000), default=50, show_default=True,
                            help="Most rows to show.")


@cli.command()
@DB_OPTION
@click.option("--kind", type=click.Choice(["person", "organization", "place", "group"]), help="Only this kind.")
@LIMIT_OPTION
@ROWS_FORMAT
def entities(db_url: str, kind: str | None, limit: int, fmt: str) -> None:
    """People, organisations, places and groups in the store, most mentioned first.

    \b
    Examples:
      claimscope entities --kind person
      claimscope entities --format jsonl --limit 500
    """
    from claimscope.store import queries

    with _open_read_only(db_url) as store:
        page = queries.list_entities(store, kind=kind, limit=limit)
    _echo_rows(page["items"], fmt, lambda e: f"{e['id']}  {e['name']} ({e['kind']}): "
               f"{e['mention_count']} mentions in {e['article_count']} articles"
               + (f"; also {', '.join(e['aliases'])}" if e["aliases"] else ""))


@cli.command()
@DB_OPTION
@click.option("--entity", help="Only claims whose speaker is this entity (id or name).")
@click.option("-q", "--query", "q", help="Only claims holding every word of this text.")
@LIMIT_OPTION
@ROWS_FORMAT
def claims(db_url: str, entity: str | None, q: str | None, limit: int, fmt: str) -> None:
    """Claims (what each source put forward), oldest first.

    \b
    Examples:
      claimscope claims --entity "Vladimir Putin"
      claimscope claims -q Kursk --format jsonl
    """
    from claimscope.store import queries

    with _open_read_only(db_url) as store:
        page = queries.list_claims(store, entity=entity, q=q, limit=limit)
    _echo_rows(page["items"], fmt, lambda c: f"{c.get('date') or '----------'}  {c.get('speaker') or '?'} "
               f"[{c['stance']}]{' (unverified)' if c.get('unverified') else ''}: {c['text']}")


@cli.command()
@DB_OPTION
@LIMIT_OPTION
@ROWS_FORMAT
def disputes(db_url: str, limit: int, fmt: str) -> None:
    """Disputes: where one party asserts what another denies, most confident first.

    \b
    Examples:
      claimscope disputes
      claimscope disputes --format jsonl > disputes.jsonl
    """
    from claimscope.store import queries

    with _open_read_only(db_url) as store:
        page = queries.list_disputes(store, limit=limit)
    _echo_rows(page["items"], fmt, lambda d: f"{d['proposition']}\n    asserted by: {', '.join(d['asserted_by'])}"
               f"\n    denied by:   {', '.join(d['denied_by'])}")


@cli.command()
@click.argument("table", type=click.Choice(["articles", "attributions", "claims", "disputes"]))
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True)
@click.option("-o", "--out", type=click.Path(dir_okay=False, writable=True), help="File to write (stdout if not given; parquet needs one).")
def export(table: str, db_url: str, fmt: str, out: str | None) -> None:
    """Export one table of the store as JSON Lines, CSV or Parquet.

    \b
    Examples:
      claimscope export claims --format csv -o claims.csv
      claimscope export articles --format parquet -o articles.parquet
      claimscope export disputes > disputes.jsonl
    """
    from pathlib import Path

    from claimscope.export import export_table

    if fmt == "parquet" and not out:
        raise click.UsageError("parquet is binary: give --out FILE")
    with _open_read_only(db_url) as store:
        count = export_table(store, table, fmt, Path(out) if out else click.get_text_stream("stdout"))
    click.echo(f"exported {count} {table}", err=True)


@cli.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--token", envvar="CLAIMSCOPE_INGEST_TOKEN", help="Bearer token that enables POST /api/ingest "
              "(env CLAIMSCOPE_INGEST_TOKEN); without one, ingest over HTTP is off.")
def serve(db_url: str, host: str, port: int, token: str | None) -> None:
    """Serve the web UI at / and the JSON API at /api/ (OpenAPI at /docs) over a store.

    \b
    Examples:
      claimscope serve --db demo.db --port 8000
      CLAIMSCOPE_INGEST_TOKEN=secret claimscope serve --db postgresql://claims@dbhost/claims --host 0.0.0.0
    """
    from claimscope.api.server import serve as run_server

    click.echo(f"claimscope UI on http://{host}:{port}/ (API at /api/, OpenAPI at /docs)", err=True)
    try:
        run_server(db_url, host=host, port=port, token=token)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


@cli.group()
def train() -> None:
    """Train claimscope's models from annotated data."""


@train.command("attribution")
@click.option("--data", "data_dir", required=True, type=click.Path(exists=True, file_okay=False),
              help="PolNeAR folder with train/ (and dev/, scored after training).")
@click.option("--out", "out_dir", default="claimscope/attribution/models", show_default=True,
              type=click.Path(file_okay=False), help="Where the model files go.")
def train_attribution_command(data_dir: str, out_dir: str) -> None:
    """Train the attribution span model (cue CRF + cue-conditioned role CRF) on PolNeAR train.

    \b
    Example:
      claimscope train attribution --data ../shared/data/polnear
    """
    from claimscope.attribution.train import train_attribution

    report = train_attribution(data_dir, out_dir)
    click.echo(json.dumps({k: getattr(report, k) for k in report.__slots__}, indent=1, default=str))


@cli.group(name="eval")
def eval_group() -> None:
    """Measure accuracy: attribution on PolNeAR, the claim map on the seed gold."""


@eval_group.command("polnear")
@click.option("--data", "data_dir", required=True, type=click.Path(exists=True, file_okay=False),
              help="PolNeAR folder holding SPLIT/text and SPLIT/attributions.")
@click.option("--split", default="dev", show_default=True, help="Which split to score (never tune on test).")
@click.option("--finder", type=click.Choice(["shipped", "model", "rules"]), default="shipped", show_default=True,
              help="shipped: the span model completed by the parse rules, as analyze runs it; "
                   "model: the span model alone; rules: the parse rules alone.")
@click.option("--pred", "pred_dir", type=click.Path(file_okay=False), help="Where predictions go (default runs/polnear-SPLIT).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
def eval_polnear(data_dir: str, split: str, finder: str, pred_dir: str | None, as_json: bool) -> None:
    """Precision, recall and F1 of cue, source, content and all spans (exact, Citron overlap, bounded).

    \b
    Example:
      claimscope eval polnear --data ../shared/data/polnear --split dev
      claimscope eval polnear --data ../shared/data/polnear --finder model
    """
    from claimscope.eval.attribution import evaluate_polnear

    result = evaluate_polnear(data_dir, split, finder=finder, pred_dir=pred_dir)
    click.echo(json.dumps(result.scores) if as_json else result.table())


@eval_group.command("gate")
@click.option("--data", "data_dir", required=True, type=click.Path(exists=True, file_okay=False),
              help="Folder holding polnear/dev and seed/ (../shared/data).")
@click.option("--floors", "floors_path", type=click.Path(dir_okay=False),
              help="Pinned floors (default: claimscope/eval/floors.json).")
@click.option("--only", "evals", multiple=True, help="Run only this eval (polnear-dev, seed); repeatable.")
@click.option("--pin", is_flag=True, help="Write today's scores as the floors instead of checking them.")
def eval_gate(data_dir: str, floors_path: str | None, evals: tuple[str, ...], pin: bool) -> None:
    """Compare each headline score to its floor in floors.json; exit 1 on a drop beyond noise.

    A data set whose sha256 differs from the pinned one fails as changed. Raising a floor
    (--pin) is a commit; lowering one needs a reason in that commit.

    \b
    Example:
      claimscope eval gate --data ../shared/data
      claimscope eval gate --data ../shared/data --only seed
    """
    from claimscope.eval.gate import DEFAULT_FLOORS, check_gate, pin_floors

    path = floors_path or DEFAULT_FLOORS
    if pin:
        pin_floors(data_dir, path, evals=list(evals) or None)
        click.echo(f"pinned {', '.join(evals) or 'all evals'} in {path}")
        return
    report = check_gate(data_dir, path, evals=list(evals) or None)
    click.echo(report.table())
    click.get_current_context().exit(EXIT_OK if report.ok else EXIT_FAILED)


@eval_group.command("seed")
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False), help="A gold JSON like the seed's.")
@click.option("--raw", type=click.Path(exists=True, dir_okay=False), help="Its raw input (default: beside the gold, .txt).")
def eval_seed(gold: str, raw: str | None) -> None:
    """Score analyze's output against a hand-made gold: attributions found, speaker, stance, disputes.

    \b
    Example:
      claimscope eval seed --gold ../shared/data/seed/000_2da098b2e0761f02.gold.json
    """
    from claimscope.eval.seed import evaluate_seed

    click.echo(evaluate_seed(gold, raw))


@eval_group.command("stance")
@click.option("--set", "set_paths", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="A stance set (JSONL); repeatable. Default: the tuning and the held-out set in data/stance/.")
@click.option("--data", "data_dir", default="../shared/data/polnear/dev", show_default=True,
              type=click.Path(exists=True, file_okay=False),
              help="The PolNeAR split the sets were drawn from (its text/ holds the articles).")
def eval_stance(set_paths: tuple[str, ...], data_dir: str) -> None:
    """Stance accuracy, per-stance precision/recall and the confusion matrix on hand-labelled sets.

    Each set is scored on its own, given the gold cue and content spans.

    \b
    Example:
      claimscope eval stance
      claimscope eval stance --set data/stance/polnear-dev-stance-heldout.jsonl
    """
    from claimscope.eval.stance import DEFAULT_STANCE_SETS, evaluate_stance_set

    for i, path in enumerate(set_paths or [str(p) for p in DEFAULT_STANCE_SETS]):
        try:
            score = evaluate_stance_set(path, data_dir)
        except InputError as exc:
            click.echo(f"error: {exc}", err=True)
            click.get_current_context().exit(EXIT_FAILED)
        click.echo(f"{'' if i == 0 else chr(10)}== {path}")
        click.echo(score.table())


@cli.command()
@click.argument("text_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Folder for the JSON files.")
@click.option("--format", "fmt", type=click.Choice(["citron"]), default="citron", show_default=True)
def predict(text_dir: str, out_dir: str, fmt: str) -> None:
    """Predict attributions for every .txt in TEXT_DIR as Citron JSON (spans into the raw text).

    Each file is one plain article whose first line is its title; no page-noise cleaning.

    \b
    Example:
      claimscope predict ../shared/data/polnear/dev/text --out runs/dev-pred
    """
    from claimscope.eval.attribution import predict_citron

    report = predict_citron(text_dir, out_dir)
    click.echo(f"wrote {report.files} files, {report.quotes} quotes to {report.out_dir} "
               f"({report.articles_per_s:.1f} articles/s)", err=True)


def main(argv: list[str] | None = None) -> None:
    """Console entry point (``claimscope``); exits with 0, 1 or 2."""
    try:
        cli.main(args=argv, prog_name="claimscope")
    except ClaimscopeError as exc:  # a library error no command caught: report it, not a traceback
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_FAILED)


if __name__ == "__main__":
    main()
