"""The supervisor's queue: what waits for a supervisor and what is late, of
every clerk (article 20: progress is tracked and supervised)."""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.core import Actor, Core
from counter_app.domain import workflow
from counter_app.domain.permissions import Permission
from counter_app.services import requests
from counter_app.services.requests import RequestRow

# who sees the queue: supervisors and administrators
PERMISSION = Permission.APPROVE_STOP


@dataclass(frozen=True)
class Waiting:
    row: RequestRow
    asked: str        # what it waits for, e.g. “批准停热”


@dataclass(frozen=True)
class SupervisorQueue:
    approvals: tuple[Waiting, ...]     # the oldest first
    overdue: tuple[RequestRow, ...]    # the nearest deadline first


def supervisor_queue(core: Core, actor: Actor) -> SupervisorQueue:
    actor.require(PERMISSION)
    waiting = sorted(requests.open_requests(core, approvals_only=True), key=lambda r: r.received_at)
    late = requests.open_requests(core, overdue_only=True)
    return SupervisorQueue(tuple(Waiting(r, asked(core, r)) for r in waiting), tuple(late))


def asked(core: Core, row: RequestRow) -> str:
    """The labels of the steps open now that a clerk may not take; the status
    when there are none."""
    kind = core.catalogue.get(row.kind)
    labels = []
    for action, label in row.actions:
        step = workflow.find(kind.workflow, action)
        if step is not None and step.permission is not Permission.SERVE:
            labels.append(label)
    return "、".join(labels) or row.status.label


__all__ = ["PERMISSION", "SupervisorQueue", "Waiting", "supervisor_queue"]
