"""Runners and the single writer: files in, analyses out, stored once; one bad article or file
never stops the others."""
from __future__ import annotations

import json
import pickle
from dataclasses import replace

import pytest

from claimscope.errors import InputError
from claimscope.ingest import read_articles
from claimscope.runner import FileResult, process_file, run_local
from claimscope.store.writer import write_results
from conftest import REPO, SHARED

SEED = str(REPO / "examples" / "seed.txt")
POLNEAR_DEV = SHARED / "data" / "polnear" / "dev" / "text"

GOOD_LINE = {
    "title": "Grain exports resume from southern ports",
    "text": "Grain shipments resumed on Tuesday from three southern ports after a two-week halt, "
    "officials said.\n\nThe agriculture ministry denied reports that insurers had refused to cover the voyages.",
}


@pytest.fixture
def jsonl_with_bad_line(tmp_path) -> str:
    other = dict(GOOD_LINE, title="Central bank holds rates steady",
                 text="The central bank left its main interest rate unchanged at 4.5 percent on Thursday, "
                 "as analysts had expected, and said inflation was slowing.")
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps(GOOD_LINE) + "\n{not json at all\n" + json.dumps(other) + "\n", encoding="utf-8")
    return str(path)


def test_process_file_seed_gives_both_stories():
    result = process_file(SEED)
    headlines = [a.article.headline for a in result.analyses]
    assert (2, (), False) == (len(headlines), result.errors, result.is_failed)
    assert "Kursk" in headlines[0] and "Taliban" in headlines[1]


def test_process_file_finds_who_said_what_in_seed():
    result = process_file(SEED)
    assert any("Kyiv" in (att.source.text if att.source else "")
               for a in result.analyses for att in a.attributions)


def test_process_file_missing_file_is_failed_with_its_path(tmp_path):
    missing = str(tmp_path / "missing.txt")
    result = process_file(missing)
    assert (True, (), [missing]) == (result.is_failed, result.analyses, [e.path for e in result.errors])


def test_process_file_bad_line_does_not_stop_the_rest(jsonl_with_bad_line):
    result = process_file(jsonl_with_bad_line)
    assert 2 == len(result.analyses)
    assert [2] == [e.line for e in result.errors]


def test_file_result_pickles_with_error_lines(jsonl_with_bad_line):
    result = process_file(jsonl_with_bad_line)
    back = pickle.loads(pickle.dumps(result))
    assert (result.path, result.analyses) == (back.path, back.analyses)
    assert [(e.path, e.line, e.problem) for e in result.errors] == [(e.path, e.line, e.problem) for e in back.errors]


def test_run_local_two_jobs_keeps_input_order(tmp_path, jsonl_with_bad_line):
    paths = [jsonl_with_bad_line, str(tmp_path / "missing.txt"), SEED]
    results = list(run_local(paths, jobs=2))
    assert paths == [r.path for r in results]
    assert [2, 0, 2] == [len(r.analyses) for r in results]


def test_run_local_rejects_zero_jobs():
    with pytest.raises(ValueError, match="at least 1"):
        list(run_local([SEED], jobs=0))


def test_write_results_seed_twice_second_run_unchanged(store):
    first = write_results(store, run_local([SEED]))
    second = write_results(store, run_local([SEED]))
    assert (2, 0, 0) == (first.new, first.unchanged, first.failed)
    assert (0, 2, 0) == (second.new, second.unchanged, second.failed)
    assert 2 == store.count_articles()


def test_write_results_store_refusal_is_a_failure_not_a_stop(store):
    good = process_file(SEED)
    kursk, taliban = good.analyses
    # An attribution naming an article that is not stored: the foreign key refuses the whole article.
    broken = replace(kursk, attributions=tuple(replace(a, article_id="nowhere") for a in kursk.attributions))
    summary = write_results(store, [FileResult(path=SEED, analyses=(broken, taliban))])
    assert (1, [SEED]) == (summary.new, [f.path for f in summary.failures])
    assert [taliban.article.id] == [s.id for s in store.list_articles()]


def test_write_results_counts_file_errors(store, tmp_path):
    summary = write_results(store, run_local([str(tmp_path / "missing.txt")]))
    assert (1, 0) == (summary.failed, summary.new)
    assert isinstance(summary.failures[0], InputError)


@pytest.fixture(scope="module")
def polnear_dev_results() -> list[FileResult]:
    if not POLNEAR_DEV.is_dir():
        pytest.skip(f"PolNeAR dev texts not found at {POLNEAR_DEV} (the shared data folder beside the repo)")
    return list(run_local(sorted(str(p) for p in POLNEAR_DEV.glob("*.txt"))))


def test_write_results_polnear_dev_gives_84_articles(store, polnear_dev_results):
    summary = write_results(store, polnear_dev_results)
    assert (84, 0, 0) == (summary.new, summary.near_duplicates, summary.failed)
    assert 84 == store.count_articles()


def test_process_file_known_ids_are_listed_not_analysed():
    first = process_file(SEED)
    kursk_id = first.analyses[0].article.id
    again = process_file(SEED, known_ids={kursk_id})
    assert ((kursk_id,), [first.analyses[1]]) == (again.known_ids, list(again.analyses))


def test_write_results_rerun_with_store_known_ids_all_unchanged(store):
    write_results(store, run_local([SEED]))
    summary = write_results(store, run_local([SEED], jobs=1, known_ids=store.known_ids()))
    assert (0, 2, 0) == (summary.new, summary.unchanged, summary.failed)


def test_analyze_articles_in_batches_gives_what_one_by_one_gives():
    """Batched parsing is a speed-up only: the records are those analyze_article makes alone."""
    from claimscope.analysis import analyze_article, analyze_articles

    articles = [a for a in read_articles(SEED)]
    assert [analyze_article(a) for a in articles] == list(analyze_articles(articles))
