"""The eval gate, run for real: today's scores pass the committed floors; a drop or changed data fails."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimscope.cli import cli
from claimscope.eval.gate import DEFAULT_FLOORS, check_gate, load_floors

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
needs_seed = pytest.mark.skipif(not (DATA / "seed").is_dir(), reason=f"seed gold not found at {DATA / 'seed'}")
needs_polnear = pytest.mark.skipif(not (DATA / "polnear" / "dev").is_dir(),
                                   reason=f"PolNeAR dev not found at {DATA / 'polnear' / 'dev'}")


@needs_seed
def test_seed_passes_the_committed_floors():
    report = check_gate(DATA, DEFAULT_FLOORS, evals=["seed"])
    assert report.ok, report.table()
    assert {"fully_right", "disputes_found", "disputes_spurious", "article_fields"} == {c.metric for c in report.checks}


@needs_polnear
def test_polnear_dev_shipped_finder_passes_the_committed_floors():
    """About 80 s on two shared cores: the whole dev split parsed and scored."""
    report = check_gate(DATA, DEFAULT_FLOORS, evals=["polnear-dev"])
    assert report.ok, report.table()
    assert 5 == len(report.checks)


@needs_seed
def test_a_floor_above_the_score_fails_the_gate_and_the_command_exits_1(tmp_path):
    floors = load_floors()
    metrics = floors["seed"]["metrics"]
    metrics["fully_right"]["floor"] += 1           # a score one below its floor
    metrics["disputes_spurious"]["floor"] -= 1     # a count one above its ceiling
    path = tmp_path / "floors.json"
    path.write_text(json.dumps(floors), encoding="utf-8")

    result = CliRunner().invoke(cli, ["eval", "gate", "--data", str(DATA), "--floors", str(path), "--only", "seed"])

    assert 1 == result.exit_code
    failed = [line.split()[2] for line in result.stdout.splitlines() if line.startswith("FAIL")]
    assert ["fully_right", "disputes_spurious"] == failed
    assert "gate: FAILED (2/4 ok)" in result.stdout


@needs_seed
def test_changed_data_is_flagged_not_compared(tmp_path):
    shutil.copytree(DATA / "seed", tmp_path / "seed")
    gold = next((tmp_path / "seed").glob("*.gold.json"))
    gold.write_text(gold.read_text(encoding="utf-8").replace("Putin", "Poutine", 1), encoding="utf-8")

    report = check_gate(tmp_path, DEFAULT_FLOORS, evals=["seed"])

    assert not report.ok
    assert ["data"] == [c.metric for c in report.checks]
    assert "data changed" in report.checks[0].note


def test_missing_data_fails_with_a_reason(tmp_path):
    report = check_gate(tmp_path, DEFAULT_FLOORS, evals=["seed", "polnear-dev"])
    assert [False, False] == [c.ok for c in report.checks]
    assert all("no data files" in c.note for c in report.checks)
