"""Run ``process_file`` over many inputs on a Dask cluster, for a corpus that outgrows one machine.

Workers only compute: each file's ``FileResult`` comes back to this process and the caller's
single writer (``claimscope.store.writer.write_results``) stores it, as with ``run_local``.
Workers read the inputs themselves, so every path must be readable on every worker under the
same name (a shared filesystem); stdin ("-") is read here, in this process.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Set
from contextlib import contextmanager

from claimscope.errors import ConfigError, InputError
from claimscope.runner.local import STDIN
from claimscope.runner.tasks import FileResult, process_file

logger = logging.getLogger(__name__)

# Files submitted but not yet handed to the caller, per worker thread: enough to keep every
# thread busy while the writer stores the last result, few enough that a corpus of a million
# files is never held in memory (as futures or as results) at once.
IN_FLIGHT_PER_THREAD = 2

# How long to wait for an existing scheduler to answer before giving up.
CONNECT_TIMEOUT_S = 30.0

_END = object()


def run_dask(
    paths: Iterable[str],
    *,
    scheduler: str | None = None,
    known_ids: Set[str] = frozenset(),
    n_workers: int = 2,
    max_in_flight: int | None = None,
    connect_timeout_s: float = CONNECT_TIMEOUT_S,
) -> Iterator[FileResult]:
    """Yield one FileResult per path, in the order they finish on the cluster.

    ``scheduler`` is an existing scheduler's address (``tcp://host:8786``); None starts a
    ``LocalCluster`` of ``n_workers`` processes here and closes it when the iteration ends.
    ``paths`` is consumed lazily and at most ``max_in_flight`` files (default: two per worker
    thread) are submitted and not yet yielded at any time. A file whose task raises on a worker
    (or whose worker dies) comes back as a failed FileResult with one InputError naming it; the
    other files go on. Articles in ``known_ids`` are read but not analysed.

    Raises ConfigError (on the first iteration) when the scheduler cannot be reached or dask is
    not installed.
    """
    if n_workers < 1:
        raise ValueError(f"n_workers must be at least 1 (got {n_workers})")
    if max_in_flight is not None and max_in_flight < 1:
        raise ValueError(f"max_in_flight must be at least 1 (got {max_in_flight})")
    try:
        from distributed import as_completed  # dask is needed only by this runner
    except ImportError as exc:
        raise ConfigError(f"the Dask runner needs dask and distributed installed ({exc})") from exc

    with _client(scheduler, n_workers=n_workers, connect_timeout_s=connect_timeout_s) as client:
        limit = max_in_flight or IN_FLIGHT_PER_THREAD * max(1, sum(client.nthreads().values()))
        # Sent to the workers once, not pickled into every task.
        known = client.scatter([frozenset(known_ids)], broadcast=True)[0] if known_ids else frozenset()
        logger.info("processing inputs on %s, at most %d files in flight", client.scheduler.address, limit)
        remaining = iter(paths)
        finished = as_completed()
        in_flight: dict = {}  # future -> the path it reads
        is_exhausted = False
        while True:
            while not is_exhausted and len(in_flight) < limit:
                path = next(remaining, _END)
                if path is _END:
                    is_exhausted = True
                elif path == STDIN:  # stdin belongs to this process
                    yield process_file(path, known_ids=known_ids)
                else:
                    future = client.submit(process_file, path, known_ids=known, pure=False)
                    in_flight[future] = path
                    finished.add(future)
            if not in_flight:
                return
            future = next(finished)
            path = in_flight.pop(future)
            result = _result_of(future, path)
            future.release()
            yield result


@contextmanager
def _client(scheduler: str | None, *, n_workers: int, connect_timeout_s: float):
    from distributed import Client, LocalCluster

    if scheduler is None:
        # One thread per worker process: analysis is CPU-bound Python, so threads would share a GIL.
        # Any free port for the dashboard, so a second ingest (or a cluster already on 8787) fits.
        with LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                          dashboard_address=":0") as cluster, Client(cluster) as client:
            logger.info("started a local Dask cluster of %d workers (dashboard %s)", n_workers, client.dashboard_link)
            yield client
        return
    try:
        client = Client(scheduler, timeout=connect_timeout_s)
    except (OSError, ValueError, TypeError) as exc:  # refused, timed out, or not an address
        raise ConfigError(f"{scheduler}: cannot connect to the Dask scheduler: {exc}") from exc
    with client:
        yield client


def _result_of(future, path: str) -> FileResult:
    """The task's FileResult, or a failed one naming the file when the task raised or was lost."""
    from distributed.client import FutureCancelledError

    try:
        return future.result()
    except (Exception, FutureCancelledError) as exc:  # one file's worker error must not stop the rest
        logger.warning("%s: failed on a Dask worker: %r", path, exc)
        problem = f"failed on a Dask worker: {type(exc).__name__}: {exc}"
        return FileResult(path=path, errors=(InputError(path, problem),), is_failed=True)
