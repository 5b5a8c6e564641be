"""The single writer: FileResults from any runner -> the store, one transaction per article.

Runners only compute; this is the one place results become rows, so a local pool and a Dask
cluster store the same way. A result is anything with ``path``, ``analyses``, ``errors`` and
``known_ids`` (``claimscope.runner.tasks.FileResult``); the store does not import the runner.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from claimscope.errors import InputError, StoreError
from claimscope.store.store import SaveStatus, Store

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestSummary:
    """What an ingest did: counts per outcome and every failure, each naming its input."""

    files: int = 0
    new: int = 0
    unchanged: int = 0
    near_duplicates: int = 0
    failures: tuple[InputError, ...] = ()

    @property
    def failed(self) -> int:
        return len(self.failures)


def write_results(
    store: Store, results: Iterable[Any], *, on_file: Callable[[Any], None] | None = None
) -> IngestSummary:
    """Save every analysis of every result; an article the store refuses is a failure, not a stop."""
    counts = {SaveStatus.NEW: 0, SaveStatus.UNCHANGED: 0, SaveStatus.NEAR_DUPLICATE: 0}
    failures: list[InputError] = []
    files = 0
    for result in results:
        files += 1
        failures.extend(result.errors)
        counts[SaveStatus.UNCHANGED] += len(getattr(result, "known_ids", ()))
        for analysis in result.analyses:
            try:
                counts[store.save(analysis).status] += 1
            except StoreError as exc:
                failures.append(InputError(result.path, str(exc)))
        if on_file is not None:
            on_file(result)
    logger.info("%s: stored %d new, %d unchanged, %d near-duplicates, %d failed", store.where,
                counts[SaveStatus.NEW], counts[SaveStatus.UNCHANGED], counts[SaveStatus.NEAR_DUPLICATE], len(failures))
    return IngestSummary(
        files=files,
        new=counts[SaveStatus.NEW],
        unchanged=counts[SaveStatus.UNCHANGED],
        near_duplicates=counts[SaveStatus.NEAR_DUPLICATE],
        failures=tuple(failures),
    )
