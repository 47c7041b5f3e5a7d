"""Businesses at the counter: registering one, looking one up, its steps,
its documents, handing it over, and the supervisor's queue."""

from __future__ import annotations

from collections.abc import Sequence

from counter_app.core import Actor, Core
from counter_app.services import registration, request_desk, requests, staff, supervision, wizard_pages
from counter_app.services.registration import Waiver
from counter_app.services.request_desk import RequestDesk, Step
from counter_app.services.requests import (
    Application,
    DocumentInput,
    DocumentView,
    RequestRow,
    RequestView,
)
from counter_app.services.supervision import (
    FEEDBACK as LATE_FEEDBACK,
    PERMISSION as QUEUE_PERMISSION,
    Overdue,
    SupervisorQueue,
    Waiting,
)
from counter_app.services.wizard_pages import CustomerCheck, FeeNotice
from ui.bridge import FieldHandler, Operations
from ui.operations import Changes, announce

__all__ = ["LATE_FEEDBACK", "QUEUE_PERMISSION", "Application", "CustomerCheck", "DocumentInput",
           "DocumentView", "FeeNotice", "Overdue", "RequestDesk", "RequestRow", "RequestView", "Step",
           "SupervisorQueue", "Waiting", "Waiver",
           "act", "colleagues", "customer_check", "desk", "explain_delay", "fee_notice", "get_request",
           "handover", "queue", "record_document", "register", "waive_document"]


def register(ops: Operations, core: Core, actor: Actor, application: Application, *,
             waivers: Sequence[Waiver], draft_id: int | None, token: str,
             on_field_error: FieldHandler | None = None) -> tuple[bool, RequestView]:
    """The wizard's 确认办理: the request, its waivers, the draft closed, and
    accepted or waiting for documents - all or nothing, once per token."""
    ok, view = ops.call(registration.register, core, actor, application, waivers=waivers,
                        draft_id=draft_id, client_token=token, on_field_error=on_field_error,
                        resolvable=True)
    if ok:
        announce(Changes.of(accounts=[view.account_id], requests=[view.id], drafts=draft_id is not None))
    return ok, view


def get_request(ops: Operations, core: Core, request_id: int) -> tuple[bool, RequestView]:
    return ops.call(requests.get_request, core, request_id)


# -- one request's window ---------------------------------------------------------------

def desk(ops: Operations, core: Core, actor: Actor, request_id: int) -> tuple[bool, RequestDesk]:
    """The request with the steps, papers and handover this person may take."""
    return ops.call(request_desk.request_desk, core, actor, request_id)


def _changed(request: RequestRow, *, fees: bool = False) -> None:
    announce(Changes.of(requests=[request.id], accounts=[request.account_id], fees=fees))


def act(ops: Operations, core: Core, actor: Actor, request: RequestRow, step: Step, *,
        note: str = "", late_reason: str = "",
        on_field_error: FieldHandler | None = None) -> bool:
    """One step of the status machine (受理, 批准, 办结 ...), with its note and,
    past the deadline, the reason it is late."""
    ok, _status = ops.call(requests.act, core, actor, request.id, step.action, note=note,
                           late_reason=late_reason, on_field_error=on_field_error)
    if ok:
        _changed(request, fees=step.changes_account)
    return ok


def record_document(ops: Operations, core: Core, actor: Actor, request: RequestRow, code: str,
                    given: DocumentInput) -> bool:
    """A document the customer brought later, checked at the counter."""
    ok, _none = ops.call(requests.record_document, core, actor, request.id, code, given)
    if ok:
        _changed(request)
    return ok


def waive_document(ops: Operations, core: Core, supervisor: Actor, request: RequestRow, code: str,
                   reason: str, *, on_field_error: FieldHandler | None = None) -> bool:
    ok, _none = ops.call(requests.waive_document, core, supervisor, request.id, code, reason,
                         on_field_error=on_field_error)
    if ok:
        _changed(request)
    return ok


def explain_delay(ops: Operations, core: Core, actor: Actor, request: RequestRow, reason: str, *,
                  on_field_error: FieldHandler | None = None) -> bool:
    ok, _none = ops.call(requests.explain_delay, core, actor, request.id, reason,
                         on_field_error=on_field_error)
    if ok:
        _changed(request)
    return ok


def handover(ops: Operations, core: Core, actor: Actor, request: RequestRow, *, note: str,
             to_staff_id: int | None = None, department: str = "",
             on_field_error: FieldHandler | None = None) -> bool:
    """首问负责: to a colleague or a department, with what is handed over."""
    ok, _none = ops.call(requests.handover, core, actor, request.id, to_staff_id=to_staff_id,
                         department=department, note=note, on_field_error=on_field_error)
    if ok:
        _changed(request)
    return ok


def colleagues(ops: Operations, core: Core) -> tuple[bool, list[Actor]]:
    """The active staff a request can be handed to."""
    return ops.call(staff.list_staff, core)


# -- the supervisor's queue and the wizard's fees page ----------------------------------------

def queue(ops: Operations, core: Core, actor: Actor) -> tuple[bool, SupervisorQueue]:
    return ops.call(supervision.supervisor_queue, core, actor)


def fee_notice(ops: Operations, core: Core, kind: str,
               account_id: int | None) -> tuple[bool, FeeNotice]:
    """The season's fee standards and, for a settlement, what the account owes."""
    return ops.call(wizard_pages.fee_notice, core, kind, account_id)


def customer_check(ops: Operations, core: Core, kind: str,
                   account_id: int) -> tuple[bool, CustomerCheck]:
    """The wizard's chosen account: its facts, its standing, and whether this
    business can be done for it now (the registering check, before anything is typed)."""
    return ops.call(wizard_pages.customer_check, core, kind, account_id)
