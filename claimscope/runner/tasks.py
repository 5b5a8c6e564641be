"""The unit of work every runner maps: one input file -> its analysed articles and its errors.

``process_file`` is pure and picklable: it reads and analyses, never touches the store, and
returns a plain record, so the local process pool and a Dask cluster can both run it and hand
the results to the one writer.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from claimscope.analysis import analyze_article
from claimscope.errors import InputError
from claimscope.model import ArticleAnalysis

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class FileResult:
    """What one input gave: its analyses in input order, and every article or file that failed.

    ``is_failed`` marks a file that could not be read at all (nothing in ``analyses``).
    """

    path: str
    analyses: tuple[ArticleAnalysis, ...] = ()
    errors: tuple[InputError, ...] = ()
    is_failed: bool = False

    def __reduce__(self):
        # InputError's keyword-only ``line`` does not survive pickle's default (args only), so the
        # errors travel between processes as their fields.
        fields = tuple((e.path, e.problem, e.line) for e in self.errors)
        return (_rebuild_file_result, (self.path, self.analyses, fields, self.is_failed))


def _rebuild_file_result(path, analyses, error_fields, is_failed) -> FileResult:
    errors = tuple(InputError(p, problem, line=line) for p, problem, line in error_fields)
    return FileResult(path=path, analyses=analyses, errors=errors, is_failed=is_failed)


def process_file(path: str) -> FileResult:
    """Read every article of one input and analyse it; a failed article is an error, the rest go on."""
    from claimscope.ingest import read_articles  # ingest loads its readers only where it runs

    analyses: list[ArticleAnalysis] = []
    errors: list[InputError] = []
    try:
        for item in read_articles(path):
            if isinstance(item, InputError):
                errors.append(item)
                continue
            try:
                analyses.append(analyze_article(item))
            except Exception as exc:  # one article's analysis bug must not lose the rest of the file
                logger.exception("%s: analysis failed for article %s", path, item.id)
                errors.append(InputError(path, f"analysis failed for article {item.id}: {exc!r}"))
    except InputError as exc:
        logger.info("%s: %s", path, exc.problem)  # the caller reports it
        return FileResult(path=path, analyses=tuple(analyses), errors=(*errors, exc), is_failed=True)
    except OSError as exc:
        logger.info("%s: %s", path, exc)
        problem = f"cannot read: {exc.strerror or exc}"
        return FileResult(path=path, analyses=tuple(analyses), errors=(*errors, InputError(path, problem)), is_failed=True)
    return FileResult(path=path, analyses=tuple(analyses), errors=tuple(errors))
