"""Command-line inputs to a list of files: paths, directories, globs and "-" for stdin.

A user hands the CLI whatever they have: ``claimscope analyze news/ 'dumps/*.txt' - extra.html``.
Each argument expands on its own, and one that names nothing becomes an InputError for that
argument, so a typo in one glob is reported while the other inputs are still read.
"""
from __future__ import annotations

import glob
import logging
import os
from collections.abc import Sequence

from claimscope.errors import InputError

logger = logging.getLogger(__name__)

STDIN = "-"


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(directory: str, errors: list[InputError]) -> list[str]:
    """Every regular file under ``directory``, in sorted order, skipping hidden files and folders.

    Hidden entries (``.git``, ``.DS_Store``, editor swap files) are never news; symbolic links
    to files are followed, links to folders are not (a link cycle would never end).
    """
    found: list[str] = []

    def report(err: OSError) -> None:
        errors.append(InputError(err.filename or directory, f"cannot list directory: {err.strerror or err}"))

    for root, dirs, files in os.walk(directory, onerror=report):
        dirs[:] = sorted(d for d in dirs if not _is_hidden(d))
        for name in sorted(files):
            full = os.path.join(root, name)
            if not _is_hidden(name) and os.path.isfile(full):
                found.append(full)
    return found


def _expand_one(arg: str, errors: list[InputError]) -> list[str]:
    if arg == STDIN:
        return [STDIN]
    if os.path.isdir(arg):
        files = _walk(arg, errors)
        if not files:
            errors.append(InputError(arg, "directory holds no files"))
        return files
    if os.path.lexists(arg):
        if not os.path.exists(arg):
            errors.append(InputError(arg, "broken symbolic link"))
            return []
        return [arg]  # a file (or a device or fifo: reading it will tell)
    if glob.has_magic(arg):
        matches = sorted(glob.glob(arg, recursive=True))
        if not matches:
            errors.append(InputError(arg, "no file matches this pattern"))
            return []
        out: list[str] = []
        for match in matches:
            out.extend(_walk(match, errors) if os.path.isdir(match) else [match])
        return out
    errors.append(InputError(arg, "no such file or directory"))
    return []


def expand_inputs(args: Sequence[str]) -> tuple[list[str], list[InputError]]:
    """Expand CLI arguments into the files to read, in order, each once, and the arguments that failed.

    A directory gives its files recursively in sorted order; a glob its sorted matches (``**``
    spans folders); "-" stays "-" (stdin). A missing path or a glob that matches nothing becomes
    an InputError for that argument instead of stopping the others.
    """
    paths: list[str] = []
    seen: set[str] = set()
    errors: list[InputError] = []
    for arg in args:
        for path in _expand_one(arg, errors):
            key = path if path == STDIN else os.path.normpath(path)
            if key not in seen:
                seen.add(key)
                paths.append(path)
    logger.info("%d arguments expanded to %d inputs (%d failed)", len(args), len(paths), len(errors))
    return paths, errors


__all__ = ["STDIN", "expand_inputs"]
