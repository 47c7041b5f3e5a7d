"""Status machines of the businesses.

A business kind in the catalogue names its workflow; each workflow is a list of
transitions.  A transition says from which states it may be taken, where it
leads, which of the standard's four steps it is (record, instruction, response,
result), who may take it, and which working-day deadline it starts or answers.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.domain.enums import EventType, RequestStatus as S
from counter_app.domain.permissions import Permission

OPEN = (S.RECEIVED, S.AWAITING_DOCUMENTS, S.ACCEPTED, S.PLAN_REPLIED, S.CONTRACT_SIGNED,
        S.APPROVED)


# what each kind of deadline promises the customer (slip, tracking page, wizard)
DEADLINE_PURPOSE = {"plan_reply": "答复供热方案", "heat_on": "开栓供热",
                    "reply": "答复审批结果（由值班长/主管审批）"}


@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    sources: tuple[S, ...]
    target: S
    event: EventType
    permission: Permission = Permission.SERVE
    needs_documents: bool = False     # the checklist must be complete (or waived)
    starts_deadline: str | None = None  # a key of the kind's [deadlines]
    answers_deadline: bool = False    # taking it late needs a reason
    needs_note: bool = False
    applies_effect: bool = False      # the business's change to the account is made now
    approval: bool = False            # waiting for this shows in the supervisor's queue


_AWAIT = Transition("await_documents", "一次性告知补交材料", (S.RECEIVED,),
                    S.AWAITING_DOCUMENTS, EventType.INSTRUCTION)
_REJECT = Transition("reject", "不予受理", OPEN, S.REJECTED, EventType.RESULT, needs_note=True)
_WITHDRAW = Transition("withdraw", "客户撤回", OPEN, S.WITHDRAWN, EventType.RESULT)


def _accept(starts: str | None = None) -> Transition:
    return Transition("accept", "受理", (S.RECEIVED, S.AWAITING_DOCUMENTS), S.ACCEPTED,
                      EventType.INSTRUCTION, needs_documents=True, starts_deadline=starts)


WORKFLOWS: dict[str, tuple[Transition, ...]] = {
    "application": (
        _AWAIT,
        _accept("plan_reply"),
        Transition("reply_plan", "答复供热方案", (S.ACCEPTED,), S.PLAN_REPLIED,
                   EventType.RESPONSE, answers_deadline=True, needs_note=True),
        Transition("sign_contract", "签订供热合同", (S.PLAN_REPLIED,), S.CONTRACT_SIGNED,
                   EventType.RESPONSE, starts_deadline="heat_on"),
        Transition("heat_on", "开栓供热", (S.CONTRACT_SIGNED,), S.HEAT_ON, EventType.RESULT,
                   answers_deadline=True, applies_effect=True),
        _REJECT, _WITHDRAW,
    ),
    "change": (
        _AWAIT, _accept(),
        Transition("complete", "办结变更", (S.ACCEPTED,), S.COMPLETED, EventType.RESULT,
                   applies_effect=True),
        _REJECT, _WITHDRAW,
    ),
    "stop": (
        _AWAIT,
        Transition("accept", "受理（待审批）", (S.RECEIVED, S.AWAITING_DOCUMENTS), S.ACCEPTED,
                   EventType.INSTRUCTION, needs_documents=True, approval=True,
                   starts_deadline="reply"),
        Transition("approve", "批准停热", (S.ACCEPTED,), S.APPROVED, EventType.RESPONSE,
                   permission=Permission.APPROVE_STOP, answers_deadline=True),
        Transition("complete", "关阀停热办结", (S.APPROVED,), S.COMPLETED, EventType.RESULT,
                   applies_effect=True),
        # decided once: after 批准停热 there is no 不予停热 (the customer may still withdraw)
        Transition("reject", "不予停热", (S.RECEIVED, S.AWAITING_DOCUMENTS, S.ACCEPTED), S.REJECTED,
                   EventType.RESULT, needs_note=True),
        _WITHDRAW,
    ),
    "resume": (
        _AWAIT, _accept(),
        Transition("complete", "开栓复热办结", (S.ACCEPTED,), S.COMPLETED, EventType.RESULT,
                   applies_effect=True),
        _REJECT, _WITHDRAW,
    ),
    "settlement": (
        _AWAIT, _accept(),
        Transition("complete", "结算办结", (S.ACCEPTED,), S.COMPLETED, EventType.RESULT,
                   applies_effect=True),
        _REJECT, _WITHDRAW,
    ),
}


def transitions(workflow: str) -> tuple[Transition, ...]:
    return WORKFLOWS[workflow]


def find(workflow: str, action: str) -> Transition | None:
    for t in WORKFLOWS[workflow]:
        if t.action == action:
            return t
    return None


def available(workflow: str, status: S) -> tuple[Transition, ...]:
    return tuple(t for t in WORKFLOWS[workflow] if status in t.sources)
