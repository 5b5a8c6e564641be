"""The Dask runner on a real LocalCluster (two worker processes): what it stores through the single
writer is what the local runner stores; a bad file is one failure and the rest are stored."""
from __future__ import annotations

import gzip
import io
import socket
import sys

import pytest

distributed = pytest.importorskip("distributed", reason="the Dask runner needs dask and distributed installed")

from claimscope.errors import ConfigError  # noqa: E402
from claimscope.runner import run_local  # noqa: E402
from claimscope.runner.dask import run_dask  # noqa: E402
from claimscope.store import open_store  # noqa: E402
from claimscope.store.writer import write_results  # noqa: E402
from conftest import FIXTURES, REPO  # noqa: E402

SEED = str(REPO / "examples" / "seed.txt")
POLNEAR = sorted(str(p) for p in (FIXTURES / "dask").glob("*.txt"))
INPUTS = [SEED, *POLNEAR]


@pytest.fixture(scope="module")
def scheduler():
    """The address of a LocalCluster shared by this module: two worker processes, one thread each."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def local_store(tmp_path_factory):
    """The inputs stored by the local runner: what the Dask runner must match."""
    with open_store(f"sqlite:///{tmp_path_factory.mktemp('local') / 'local.db'}") as store:
        write_results(store, run_local(INPUTS))
        yield store


@pytest.fixture
def corrupt_gzip(tmp_path) -> str:
    path = tmp_path / "cut_off.txt.gz"
    path.write_bytes(gzip.compress(b"Headline\n\nA body that will never be read.\n")[:20])
    return str(path)


def test_run_dask_stores_what_run_local_stores(store, scheduler, local_store):
    summary = write_results(store, run_dask(INPUTS, scheduler=scheduler))
    ids = sorted(local_store.article_ids())
    assert (len(ids), 0) == (summary.new, summary.failed)
    assert ids == sorted(store.article_ids())
    assert [local_store.get_analysis(i) for i in ids] == [store.get_analysis(i) for i in ids]


def test_run_dask_finds_who_said_what(store, scheduler):
    write_results(store, run_dask([SEED], scheduler=scheduler))
    sources = [att.source.text for i in store.article_ids() for att in store.get_analysis(i).attributions if att.source]
    assert any("Kyiv" in source for source in sources)


def test_run_dask_bad_file_is_one_failure_and_the_rest_are_stored(store, scheduler, corrupt_gzip):
    summary = write_results(store, run_dask([*POLNEAR, corrupt_gzip], scheduler=scheduler))
    assert [corrupt_gzip] == [f.path for f in summary.failures]
    assert (len(POLNEAR), len(POLNEAR)) == (summary.new, store.count_articles())


def test_run_dask_worker_exception_is_a_failure_for_that_file(store, scheduler, tmp_path):
    # open() raises ValueError (not OSError) on a NUL in the name: a real exception on the worker.
    unopenable = str(tmp_path / "bad\x00name.txt")
    summary = write_results(store, run_dask([unopenable, *POLNEAR], scheduler=scheduler))
    assert [unopenable] == [f.path for f in summary.failures]
    assert "failed on a Dask worker" in summary.failures[0].problem
    assert len(POLNEAR) == store.count_articles()


def test_run_dask_rerun_stores_nothing_new(store, scheduler):
    first = write_results(store, run_dask(INPUTS, scheduler=scheduler))
    second = write_results(store, run_dask(INPUTS, scheduler=scheduler, known_ids=store.known_ids()))
    assert (0, first.new, 0) == (second.new, second.unchanged, second.failed)
    assert first.new == store.count_articles()


def test_run_dask_yields_every_input_once_with_one_in_flight(scheduler, tmp_path):
    missing = [str(tmp_path / f"missing_{n}.txt") for n in range(6)]
    results = list(run_dask(missing, scheduler=scheduler, max_in_flight=1))
    assert sorted(missing) == sorted(r.path for r in results)
    assert all(r.is_failed for r in results)


def test_run_dask_reads_stdin_in_this_process(store, scheduler, monkeypatch):
    with open(SEED, "rb") as seed:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(seed.read()), encoding="utf-8"))
    summary = write_results(store, run_dask(["-", POLNEAR[0]], scheduler=scheduler))
    assert (3, 0) == (summary.new, summary.failed)


def test_run_dask_unreachable_scheduler_is_a_config_error_naming_it():
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{probe.getsockname()[1]}"
    with pytest.raises(ConfigError, match=address):
        list(run_dask([SEED], scheduler=address, connect_timeout_s=2))


def test_run_dask_rejects_zero_workers():
    with pytest.raises(ValueError, match="at least 1"):
        list(run_dask([SEED], n_workers=0))


def test_run_dask_starts_its_own_cluster_and_closes_it(store):
    psutil = pytest.importorskip("psutil")
    before = _worker_processes(psutil)
    summary = write_results(store, run_dask([SEED], n_workers=2))
    assert (2, 0) == (summary.new, summary.failed)
    assert set() == _worker_processes(psutil) - before


def _worker_processes(psutil) -> set[int]:
    """This process's spawned children still running (Dask worker processes are spawned)."""
    pids = set()
    for child in psutil.Process().children(recursive=True):
        try:
            if "spawn_main" in " ".join(child.cmdline()) and child.status() != psutil.STATUS_ZOMBIE:
                pids.add(child.pid)
        except psutil.NoSuchProcess:
            continue
    return pids
