"""A supervisor's approval at a clerk's counter: the supervisor logs in as
themselves there, and the login counts as approval only when they may approve
corrections, are active and are not the clerk asking (article 7: no one stands
in for another).  The rule is the one the correction services apply again when
they record; the counter asks it at the login so a refused supervisor is told
at once, in the login dialog, before anything is recorded."""

from __future__ import annotations

from counter_app.core import Actor, Core
from counter_app.errors import PermissionDenied
from counter_app.services import shifts, staff


def approver_login(core: Core, actor: Actor, username: str, password: str, what: str) -> Actor:
    """The supervisor who logged in to approve ``what`` for ``actor``.  A refusal
    names the login field, so the dialog shows it beside the login name."""
    supervisor = staff.login(core, username, password)
    with core.reading() as session:
        try:
            shifts.check_approver(session, actor, supervisor, what)
        except PermissionDenied as exc:
            raise PermissionDenied(exc.message, field="username") from exc
    return supervisor


__all__ = ["approver_login"]
