"""Errors the core raises on purpose.

Every error a clerk, resident or administrator can cause carries a message in
Chinese that says what is wrong and how to fix it.  The UI and the command line
show ``str(error)``; they never show a traceback.  ``field`` names the input
that is wrong (when there is one), so a form can put the message at that field.
"""

from __future__ import annotations


class CounterError(Exception):
    """Base class: an expected failure with a message fit for the user."""

    exit_code = 2

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message


class ValidationError(CounterError):
    """Input that does not pass validation; nothing was stored."""


class NotFound(CounterError):
    """The thing asked for does not exist."""


class Conflict(CounterError):
    """The request clashes with what is stored (duplicate, wrong state)."""


class PermissionDenied(CounterError):
    """The logged-in staff member's role does not allow this."""


class AuthenticationFailed(CounterError):
    """Wrong user name or password, or an inactive account."""


class ReasonRequired(CounterError):
    """A deadline was missed or an exception is asked for: a reason must be given."""


class CatalogueError(CounterError):
    """A business catalogue file in forms/ is broken."""

    def __init__(self, file: str, key: str, problem: str) -> None:
        self.file = file
        self.key = key
        self.problem = problem
        super().__init__(f"业务目录文件 {file} 中的 {key} 有误：{problem}")


class DatabaseUnavailable(CounterError):
    """The database cannot be reached; nothing was changed, the user may retry."""

    exit_code = 3


class CommitUncertain(CounterError):
    """The database lost the acknowledgement of a commit: what was sent may or may
    not be stored.  Never reported as "not saved".  A write that carries a client
    token is resolved by calling it again with the same token, which returns the
    first result if it was stored and stores it once if it was not."""

    exit_code = 6
