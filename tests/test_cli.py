"""The command line as a user meets it: exit codes 0/1/2, data on stdout, failures on stderr."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from claimscope.cli import cli
from conftest import FIXTURES, REPO

SEED = str(REPO / "examples" / "seed.txt")
DOCUMENTED_KEYS = {
    "id", "headline", "published", "published_from", "agency", "url", "outlet", "language", "captions",
    "photo_credits", "subheadings", "paragraphs", "text", "source_file", "attributions", "entities", "places",
    "dates", "figures", "claims", "disputes", "unverified",
}
ATTRIBUTION_KEYS = {"source", "source_resolved", "cue", "contents", "direct", "stance", "confidence"}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def bad_file(tmp_path) -> str:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    return str(path)


def test_cli_ingest_all_good_exits_0_with_summary(runner, store_url):
    result = runner.invoke(cli, ["ingest", SEED, "--db", store_url])
    assert (0, "ingested 2, unchanged 0, near-duplicates 0, failed 0") == (result.exit_code, result.stdout.splitlines()[0])


def test_cli_ingest_reports_the_claim_map_of_the_seed(runner, store_url):
    result = runner.invoke(cli, ["ingest", SEED, "--db", store_url])
    assert result.stdout.splitlines()[1].endswith(", 4 disputes")


def test_cli_ingest_twice_second_run_all_unchanged(runner, store_url):
    runner.invoke(cli, ["ingest", SEED, "--db", store_url])
    result = runner.invoke(cli, ["ingest", SEED, "--db", store_url])
    assert "ingested 0, unchanged 2, near-duplicates 0, failed 0\n" == result.stdout


def test_cli_ingest_bad_file_among_good_exits_1_and_names_it(runner, sqlite_url, bad_file):
    result = runner.invoke(cli, ["ingest", SEED, bad_file, str(FIXTURES / "no-such-file.txt"), "--db", sqlite_url])
    assert 1 == result.exit_code
    assert "ingested 2, unchanged 0, near-duplicates 0, failed 2" == result.stdout.splitlines()[0]
    failed = [line.split(":")[0] for line in result.stderr.splitlines() if line.startswith("/")]
    assert [str(FIXTURES / "no-such-file.txt"), bad_file] == failed


def test_cli_ingest_near_duplicate_counted_once(runner, sqlite_url):
    dedupe = FIXTURES / "dedupe"
    args = [str(dedupe / "clinton_speaks_huffpost.txt"), str(dedupe / "clinton_speaks_copy_with_noise.txt")]
    result = runner.invoke(cli, ["ingest", *args, "--db", sqlite_url])
    assert "ingested 1, unchanged 0, near-duplicates 1, failed 0" == result.stdout.splitlines()[0]


def test_cli_ingest_unreachable_database_exits_1(runner):
    result = runner.invoke(cli, ["ingest", SEED, "--db", "postgresql://nobody@127.0.0.1:1/none"])
    assert 1 == result.exit_code
    assert "cannot connect to PostgreSQL" in result.stderr


@pytest.mark.parametrize(
    "args",
    [["ingest"], ["ingest", SEED, "--jobs", "0"], ["analyze", SEED, "--format", "xml"], ["search"], ["nonsense"]],
    ids=["no-path", "zero-jobs", "bad-format", "no-query", "unknown-command"],
)
def test_cli_usage_error_exits_2(runner, args):
    assert 2 == runner.invoke(cli, args).exit_code


def test_cli_analyze_jsonl_has_documented_keys(runner):
    result = runner.invoke(cli, ["analyze", SEED])
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [DOCUMENTED_KEYS, DOCUMENTED_KEYS] == [set(o) for o in objects]
    assert all(ATTRIBUTION_KEYS == set(a) for o in objects for a in o["attributions"])
    assert 0 == result.exit_code


def test_cli_analyze_text_shows_headlines(runner):
    result = runner.invoke(cli, ["analyze", SEED, "--format", "text"])
    assert 2 == result.stdout.count("\n# ") + result.stdout.startswith("# ")
    assert "Kursk Region" in result.stdout


def test_cli_analyze_near_duplicate_printed_once(runner):
    dedupe = FIXTURES / "dedupe"
    args = [str(dedupe / "clinton_speaks_huffpost.txt"), str(dedupe / "clinton_speaks_copy_with_noise.txt")]
    result = runner.invoke(cli, ["analyze", *args])
    assert (0, 1) == (result.exit_code, len(result.stdout.splitlines()))
    assert "near-duplicates" in result.stderr


def test_cli_analyze_bad_file_exits_1_and_still_prints_the_good(runner, bad_file):
    result = runner.invoke(cli, ["analyze", SEED, bad_file])
    assert (1, 2) == (result.exit_code, len(result.stdout.splitlines()))
    assert result.stderr.startswith(f"{bad_file}: ")


def test_cli_search_finds_gerasimov(runner, store_url):
    runner.invoke(cli, ["ingest", SEED, "--db", store_url])
    result = runner.invoke(cli, ["search", "Gerasimov", "--db", store_url, "--format", "jsonl"])
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert (0, 1) == (result.exit_code, len(hits))
    assert "Kursk" in hits[0]["headline"] and "[Gerasimov]" in hits[0]["snippet"]


def test_cli_search_missing_store_exits_1(runner, tmp_path):
    result = runner.invoke(cli, ["search", "Kursk", "--db", str(tmp_path / "none.db")])
    assert 1 == result.exit_code
    assert "no claimscope store" in result.stderr


ALL_COMMANDS = [[], ["ingest"], ["analyze"], ["search"], ["entities"], ["claims"], ["disputes"], ["export"],
                ["serve"], ["train", "attribution"], ["eval", "polnear"], ["eval", "gate"], ["eval", "seed"], ["eval", "stance"],
                ["predict"]]


@pytest.mark.parametrize("command", ALL_COMMANDS, ids=lambda c: " ".join(c) or "group")
def test_cli_help_shows_examples(runner, command):
    assert "Example" in runner.invoke(cli, [*command, "--help"]).stdout


def test_cli_main_entry_point_exit_code(tmp_path, bad_file):
    """The console script as a process: a real exit status, failures on stderr."""
    done = subprocess.run(
        [sys.executable, "-m", "claimscope.cli", "ingest", SEED, bad_file, "--db", str(tmp_path / "c.db")],
        capture_output=True, text=True, cwd=tmp_path, timeout=300,
    )
    assert (1, "ingested 2, unchanged 0, near-duplicates 0, failed 1") == (done.returncode, done.stdout.splitlines()[0])
    assert bad_file in done.stderr


@pytest.mark.parametrize("command", ALL_COMMANDS, ids=lambda c: " ".join(c) or "group")
def test_cli_docs_show_current_help(runner, command):
    """docs/cli.md carries every command's --help as printed at 100 columns; regenerate it on change."""
    shown = runner.invoke(cli, [*command, "--help"], terminal_width=100).stdout
    assert shown in (REPO / "docs" / "cli.md").read_text(encoding="utf-8")


def test_cli_ingest_on_a_local_dask_cluster_stores_the_seed(runner, tmp_path):
    pytest.importorskip("distributed", reason="the Dask runner needs dask.distributed")
    url = f"sqlite:///{tmp_path / 'dask.db'}"
    result = runner.invoke(cli, ["ingest", SEED, "--db", url, "--scheduler", "local", "--jobs", "2"])
    assert (0, "ingested 2, unchanged 0, near-duplicates 0, failed 0") == (result.exit_code, result.stdout.splitlines()[0])


def test_cli_ingest_unreachable_scheduler_exits_1_naming_it(runner, tmp_path):
    pytest.importorskip("distributed", reason="the Dask runner needs dask.distributed")
    result = runner.invoke(cli, ["ingest", SEED, "--db", str(tmp_path / "c.db"), "--scheduler", "tcp://127.0.0.1:9"])
    assert 1 == result.exit_code
    assert "127.0.0.1:9" in result.stderr


def test_cli_eval_stance_prints_accuracy_and_confusion(runner, tmp_path):
    """A stance set of two PolNeAR items, one labelled as stance.py reads it and one not."""
    from claimscope.eval.stance import sample_stance_items

    polnear = FIXTURES / "polnear"
    items = sample_stance_items(polnear, size=2, seed=1)
    items[0]["stance"], items[1]["stance"] = "assert", "praise"
    path = tmp_path / "set.jsonl"
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    result = runner.invoke(cli, ["eval", "stance", "--set", str(path), "--data", str(polnear)])
    assert 0 == result.exit_code
    assert "gold \\ pred" in result.stdout and "praise" in result.stdout
    assert result.stdout.count("accuracy ") == 1


def test_cli_eval_stance_missing_articles_exits_1(runner, tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text(json.dumps({"article": "nowhere", "cue_span": [0, 1], "content_spans": [[2, 3]],
                                "stance": "assert"}) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["eval", "stance", "--set", str(path), "--data", str(tmp_path)])
    assert 1 == result.exit_code


def _entities_by_name(stdout: str) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for line in stdout.splitlines():
        for e in json.loads(line)["entities"]:
            found.setdefault(e["name"], []).append(e)
    return found


@pytest.mark.parametrize("order", [("umerov_full", "umerov_short"), ("umerov_short", "umerov_full")])
def test_cli_analyze_surname_alone_joins_the_full_name_of_another_input(runner, entity_stories, order):
    """Issue #4: "Umerov said" in one input is the Rustem Umerov another input names, whichever comes first."""
    result = runner.invoke(cli, ["analyze", *(entity_stories[n] for n in order)])
    people = {n: es for n, es in _entities_by_name(result.stdout).items() if es[0]["kind"] == "person"}
    assert ["Rustem Umerov"] == sorted(people)
    assert 2 == len(people["Rustem Umerov"]) == len({e["id"] for e in people["Rustem Umerov"]}) + 1
    assert ["Umerov"] in [e["aliases"] for e in people["Rustem Umerov"]]


def test_cli_analyze_two_smiths_leave_a_lone_smith_unmerged(runner, entity_stories):
    names = ("john_smith", "anna_smith", "smith_short")
    result = runner.invoke(cli, ["analyze", *(entity_stories[n] for n in names)])
    people = {n for n, es in _entities_by_name(result.stdout).items() if es[0]["kind"] == "person"}
    assert {"John Smith", "Anna Smith", "Smith"} == people


@pytest.mark.parametrize("order", [("umerov_full", "umerov_short"), ("umerov_short", "umerov_full")])
def test_cli_entities_and_claims_of_a_surname_merged_across_ingests(runner, store_url, entity_stories, order):
    """Issue #4: after two ingests, `claimscope claims --entity "Rustem Umerov"` lists what "Umerov" said too."""
    for name in order:
        assert 0 == runner.invoke(cli, ["ingest", entity_stories[name], "--db", store_url]).exit_code
    people = runner.invoke(cli, ["entities", "--kind", "person", "--db", store_url]).stdout.splitlines()
    claims = runner.invoke(cli, ["claims", "--entity", "Rustem Umerov", "--db", store_url, "--format", "jsonl"])
    assert 1 == len(people) and "Rustem Umerov (person): " in people[0] and "in 2 articles; also Umerov" in people[0]
    assert 2 == len({json.loads(line)["article_id"] for line in claims.stdout.splitlines()})
