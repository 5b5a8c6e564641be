"""Run ``process_file`` over many inputs on this machine: in-process, or in a pool of processes."""
from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Iterable, Iterator, Set
from concurrent.futures import ProcessPoolExecutor

from claimscope.runner.tasks import FileResult, process_file

logger = logging.getLogger(__name__)

STDIN = "-"

# "spawn", not the Linux default "fork": the parent may hold threads (the progress bar's refresh
# thread, a loaded model's BLAS pool), and forking a threaded process can deadlock the child.
START_METHOD = "spawn"


# The ids a worker process skips, set once per worker by the pool's initializer so a large set
# is pickled once per process, not once per file.
_worker_known_ids: Set[str] = frozenset()


def _set_worker_known_ids(known_ids: Set[str]) -> None:
    global _worker_known_ids
    _worker_known_ids = known_ids


def _process_in_worker(path: str) -> FileResult:
    return process_file(path, known_ids=_worker_known_ids)


def run_local(paths: Iterable[str], *, jobs: int = 1, known_ids: Set[str] = frozenset()) -> Iterator[FileResult]:
    """Yield one FileResult per path, in the order given; ``jobs`` > 1 uses that many processes.

    The results stream out as they finish in order, so the caller (the single writer) can store
    file 1 while later files are still being analysed. Articles in ``known_ids`` are not analysed.
    """
    paths = list(paths)
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1 (got {jobs})")
    if jobs == 1 or len(paths) <= 1:
        for path in paths:
            yield process_file(path, known_ids=known_ids)
        return
    workers = min(jobs, len(paths))
    logger.info("processing %d inputs in %d processes", len(paths), workers)
    context = multiprocessing.get_context(START_METHOD)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_set_worker_known_ids,
                             initargs=(frozenset(known_ids),)) as pool:
        # stdin belongs to this process, so "-" is read here, in its turn; files go to the pool.
        futures = [None if path == STDIN else pool.submit(_process_in_worker, path) for path in paths]
        for path, future in zip(paths, futures):
            yield process_file(path, known_ids=known_ids) if future is None else future.result()
