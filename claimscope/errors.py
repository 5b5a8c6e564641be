"""Errors that carry their facts as fields, so callers report them without parsing messages."""
from __future__ import annotations


class ClaimscopeError(Exception):
    """Base of every error claimscope raises on purpose."""


class InputError(ClaimscopeError, ValueError):
    """An input that cannot be read: names the file (and line, where there is one) and the problem."""

    def __init__(self, path: str, problem: str, *, line: int | None = None):
        self.path = str(path)
        self.problem = problem
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")


class StoreError(ClaimscopeError, RuntimeError):
    """The store could not be opened, migrated or written."""


class ConfigError(ClaimscopeError, ValueError):
    """A setting or command-line value that makes no sense."""
