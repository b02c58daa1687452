"""The exception tree. Every error a user can meet names its file (and line when known).

`str(err)` is the one line the CLI prints: ``path:line: message``. The CLI maps
`exit_code` to the process exit status; nothing else in the library exits.
"""

from __future__ import annotations

from pathlib import Path

# Exit statuses of the `roadvault` command (0: done; 2, a usage error, is click's own).
EXIT_ERROR = 1
EXIT_CONFLICT = 3  # a rebuild left conflict markers to resolve (a result, not an error)
EXIT_LOCKED = 4


def short_reason(exc: BaseException, limit: int = 120) -> str:
    """An exception's text cut to `limit` characters, for a message of one line (a JSON
    error on a number of thousands of digits repeats them all)."""
    text = str(exc)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class RoadvaultError(Exception):
    """Base of every error roadvault raises on purpose."""

    exit_code = EXIT_ERROR

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class InputError(RoadvaultError):
    """The roadmap (or a note) cannot be read: missing, binary, too big, bad encoding,
    broken front matter, or simply not a roadmap."""


class VaultError(RoadvaultError):
    """The vault is not usable: not a folder, unwritable, corrupt state, unsafe path."""


class ChangedMeanwhileError(VaultError):
    """A file changed after roadvault read it (the learner saved meanwhile); left as is."""

    MESSAGE = "changed while roadvault was building; left as is (run build again)"


class NotRegularFileError(VaultError):
    """A FIFO, socket, device or folder stands where roadvault expects a file."""


class UnsafePathError(VaultError):
    """A write would leave the vault or go through a symlink."""


class LockedError(RoadvaultError):
    """Another roadvault process is writing to this vault."""

    exit_code = EXIT_LOCKED


class InternalError(RoadvaultError):
    """A safety check failed; nothing was written."""
