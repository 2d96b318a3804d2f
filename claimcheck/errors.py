"""Typed errors; each renders as one line a user can act on."""

from __future__ import annotations


class ClaimcheckError(Exception):
    """Base class for every error claimcheck raises on purpose."""


class InputError(ClaimcheckError):
    """An input (file, stdin, collection row) that cannot be read."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class RulesError(ClaimcheckError):
    """A rules/ data file that does not follow rules/SCHEMA.md."""

    def __init__(self, path: str, line: int | None, msg: str) -> None:
        super().__init__(path, line, msg)
        self.path = path
        self.line = line
        self.msg = msg

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.msg}"


class UsageError(ClaimcheckError):
    """An option value the user gave that cannot be used."""
