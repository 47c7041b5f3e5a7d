"""Registering a business at the counter: the whole visit in one transaction.

What the clerk does at the confirm page is one thing to the customer - "your
application is registered" - so it is one unit of work here: the request with
its checklist, the supervisor's waivers given at this counter, the draft it
came from marked finished, and then the status the checklist allows: accepted
(受理) when nothing required is missing, otherwise waiting for documents with
a one-time notice (一次性告知, article 9).  Either all of it is stored or none,
and a repeat with the same client token returns the first registration.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from counter_app import idempotency
from counter_app.core import Actor, Core
from counter_app.db.models import ServiceRequest, Staff
from counter_app.domain.permissions import Permission, require
from counter_app.errors import PermissionDenied
from counter_app.services import drafts, requests
from counter_app.services.requests import Application, RequestView

ACTION = "register_request"


@dataclass(frozen=True)
class Waiver:
    """A required document a supervisor let go at this counter, logged in as themselves."""

    code: str
    reason: str
    supervisor: Actor


def register(core: Core, actor: Actor, application: Application, *,
             waivers: Sequence[Waiver] = (), draft_id: int | None = None,
             client_token: str | None = None) -> RequestView:
    """Register ``application`` with its waivers and take the first step the
    checklist allows; returns the request as it now stands."""
    actor.require(Permission.SERVE)
    token = idempotency.check(client_token)

    def record() -> RequestView:
        with core.unit_of_work() as session:
            idempotency.guard(session, token, ACTION)
            request = requests.receive_in(session, core, actor, application)
            for waiver in waivers:
                _check_supervisor(session, waiver.supervisor)
                requests.waive_in(session, core, waiver.supervisor, request, waiver.code,
                                  waiver.reason)
            if draft_id is not None:
                drafts.finish_in(session, core, actor, draft_id, request.id)
            requests.act_in(session, core, actor, request, first_step(request))
            idempotency.remember(session, core, actor, token, ACTION, request.id)
            return requests.get_request_in(session, core, request.id)   # as committed, in the same read

    return idempotency.replaying(core, token, ACTION, record,
                                 lambda first: requests.get_request(core, first))


def first_step(request: ServiceRequest) -> str:
    """Accept when every required document is in or waived; otherwise wait for
    the rest, which the one-time notice lists."""
    return "await_documents" if requests.missing_documents(request) else "accept"


def _check_supervisor(session: Session, supervisor: Actor) -> None:
    """The waiving supervisor as stored now, not as the counter remembers them."""
    row = session.get(Staff, supervisor.staff_id)
    if row is None or not row.active:
        raise PermissionDenied(f"批准免交的“{supervisor.display_name}”账号已停用，请另一位值班长登录批准")
    require(row.role, Permission.WAIVE_DOCUMENT)
