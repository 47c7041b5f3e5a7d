"""What one request's window offers the logged-in person, read at once.

The request view (``requests.get_request``) says what the request is and which
steps its status allows.  This adds what the window may offer *this* person,
so the rules live here and not in the widget: whether they take a step
themselves or call a supervisor over to log in (article 20), whether a step is
held back until the checklist is complete (article 9), whether it asks a note,
a late reason (taken past the deadline) or a confirmation (it closes the
request), whether they may hand the request over (首问负责: its owner, or
someone allowed to hand over any), explain a delay, waive a document, and
whether the contract can be printed yet.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.core import Actor, Core
from counter_app.domain import workflow
from counter_app.domain.enums import RequestStatus
from counter_app.domain.permissions import Permission, allowed
from counter_app.services import requests
from counter_app.services.requests import RequestView

# a contract exists once it is signed, and stays printable after the heat is on
CONTRACT_READY = (RequestStatus.CONTRACT_SIGNED, RequestStatus.HEAT_ON)


@dataclass(frozen=True)
class Step:
    """One step of the status machine the request's status allows now."""

    action: str
    label: str
    target: RequestStatus
    permission: Permission
    mine: bool                # the person may take it; otherwise a supervisor logs in for it
    blocked: bool             # needs every required document, and some are missing
    asks_note: bool
    asks_late_reason: bool    # it answers a deadline that has passed
    changes_account: bool     # the business's change to the account is made by it
    decides: bool             # an approver's decision: asked once, cannot be taken back

    @property
    def closes(self) -> bool:
        return self.target.is_closed

    @property
    def asks_confirm(self) -> bool:
        return self.closes or self.decides


@dataclass(frozen=True)
class RequestDesk:
    view: RequestView
    steps: tuple[Step, ...]
    can_handover: bool
    can_explain_delay: bool
    can_waive: bool           # the person approves a waiver themselves (no supervisor login)
    has_contract: bool        # the business prints a contract
    contract_ready: bool


def request_desk(core: Core, actor: Actor, request_id: int) -> RequestDesk:
    view = requests.get_request(core, request_id)
    kind = core.catalogue.get(view.kind)
    steps = []
    for action, label in view.actions:
        step = workflow.find(kind.workflow, action)
        if step is None:
            continue
        steps.append(Step(
            action=action, label=label, target=step.target, permission=step.permission,
            mine=allowed(actor.role, step.permission),
            blocked=step.needs_documents and bool(view.missing), asks_note=step.needs_note,
            asks_late_reason=step.answers_deadline and view.overdue,
            changes_account=step.applies_effect,
            decides=step.permission is not Permission.SERVE))
    is_open = not view.status.is_closed
    return RequestDesk(
        view=view, steps=tuple(steps) if is_open else (),
        can_handover=is_open and (view.owner_id == actor.staff_id
                                  or allowed(actor.role, Permission.HANDOVER_ANY)),
        can_explain_delay=is_open and view.overdue,
        can_waive=allowed(actor.role, Permission.WAIVE_DOCUMENT),
        has_contract=core.catalogue.contract_for(view.kind) is not None,
        contract_ready=view.status in CONTRACT_READY)


__all__ = ["RequestDesk", "Step", "request_desk"]
