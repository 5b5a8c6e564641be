"""The unit of work every runner maps: one input file -> its analysed articles and its errors.

``process_file`` is pure and picklable: it reads and analyses, never touches the store, and
returns a plain record, so the local process pool and a Dask cluster can both run it and hand
the results to the one writer.
"""
from __future__ import annotations

import logging
from collections.abc import Container
from dataclasses import dataclass

from claimscope.analysis import analyze_article, analyze_articles
from claimscope.errors import InputError
from claimscope.model import ArticleAnalysis

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class FileResult:
    """What one input gave: its analyses in input order, and every article or file that failed.

    ``is_failed`` marks a file that could not be read at all (nothing in ``analyses``);
    ``known_ids`` are articles read but not analysed because the caller already holds them.
    """

    path: str
    analyses: tuple[ArticleAnalysis, ...] = ()
    errors: tuple[InputError, ...] = ()
    is_failed: bool = False
    known_ids: tuple[str, ...] = ()

    def __reduce__(self):
        # InputError's keyword-only ``line`` does not survive pickle's default (args only), so the
        # errors travel between processes as their fields.
        fields = tuple((e.path, e.problem, e.line) for e in self.errors)
        return (_rebuild_file_result, (self.path, self.analyses, fields, self.is_failed, self.known_ids))


def _rebuild_file_result(path, analyses, error_fields, is_failed, known_ids) -> FileResult:
    errors = tuple(InputError(p, problem, line=line) for p, problem, line in error_fields)
    return FileResult(path=path, analyses=analyses, errors=errors, is_failed=is_failed, known_ids=known_ids)


def process_file(path: str, *, known_ids: Container[str] = frozenset()) -> FileResult:
    """Read every article of one input and analyse it; a failed article is an error, the rest go on.

    Articles whose id is in ``known_ids`` (e.g. already in the store) are listed, not analysed:
    ids are content hashes, so their analysis is already stored and re-running an ingest is quick.
    """
    from claimscope.ingest import read_articles  # ingest loads its readers only where it runs

    analyses: list[ArticleAnalysis] = []
    errors: list[InputError] = []
    known: list[str] = []
    try:
        articles = []
        for item in read_articles(path):
            if isinstance(item, InputError):
                errors.append(item)
            elif item.id in known_ids:
                known.append(item.id)
            else:
                articles.append(item)
        try:
            analyses.extend(analyze_articles(articles))  # bodies parsed in batches
        except Exception:  # one article's analysis bug must not lose the rest of the file
            logger.exception("%s: batch analysis failed; analysing article by article", path)
            analyses.clear()
            for article in articles:
                try:
                    analyses.append(analyze_article(article))
                except Exception as exc:
                    logger.exception("%s: analysis failed for article %s", path, article.id)
                    errors.append(InputError(path, f"analysis failed for article {article.id}: {exc!r}"))
    except InputError as exc:
        logger.info("%s: %s", path, exc.problem)  # the caller reports it
        return FileResult(path=path, analyses=tuple(analyses), errors=(*errors, exc), is_failed=True,
                          known_ids=tuple(known))
    except OSError as exc:
        logger.info("%s: %s", path, exc)
        problem = f"cannot read: {exc.strerror or exc}"
        return FileResult(path=path, analyses=tuple(analyses), errors=(*errors, InputError(path, problem)),
                          is_failed=True, known_ids=tuple(known))
    return FileResult(path=path, analyses=tuple(analyses), errors=tuple(errors), known_ids=tuple(known))
