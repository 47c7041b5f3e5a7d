"""登录: logging in as oneself, a supervisor's approval by logging in at the
clerk's counter, and the list of staff."""

from __future__ import annotations

from counter_app.core import Actor, Core
from counter_app.services import approvals, staff
from ui.bridge import FieldHandler, Operations

__all__ = ["Counter", "approver", "login", "staff_list", "unlock", "with_open_shift"]

Counter = staff.Counter


def login(ops: Operations, core: Core, username: str, password: str, *,
          on_field_error: FieldHandler | None = None) -> tuple[bool, Actor]:
    """A wrong name or password is an error at the password field."""
    return ops.call(staff.login, core, username, password, on_field_error=on_field_error)


def approver(ops: Operations, core: Core, actor: Actor, username: str, password: str, what: str, *,
             on_field_error: FieldHandler | None = None) -> tuple[bool, Actor]:
    """The supervisor approving ``what`` for ``actor``, logged in as themselves; a
    refusal (the clerk themselves, a role that does not approve) is an error at
    the login name field."""
    return ops.call(approvals.approver_login, core, actor, username, password, what,
                    on_field_error=on_field_error)


def staff_list(ops: Operations, core: Core) -> tuple[bool, list[Actor]]:
    """Everyone with an active account, by role and login name."""
    return ops.call(staff.list_staff, core)


def unlock(ops: Operations, core: Core, username: str, password: str, *, counter: Counter,
           on_field_error: FieldHandler | None = None) -> tuple[bool, Actor]:
    """Log in at the locked counter; who may is the core's rule (staff.unlock_refusal):
    a wrong password is an error at the password, a refusal at the login name."""
    return ops.call(staff.unlock, core, counter, username, password, on_field_error=on_field_error)


def with_open_shift(ops: Operations, core: Core, people: tuple[Actor, ...]) -> tuple[bool, list[Actor]]:
    """Who of ``people`` has a cash shift still open: said before quitting."""
    return ops.call(staff.with_open_shift, core, people)
