"""Service requests: the five businesses from first record to result.

Every change is a timeline event (record, instruction, response, result) and an
audit record, in the same transaction as the change itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from sqlalchemy import ColumnElement, Row, select
from sqlalchemy.orm import Session, joinedload, object_session, selectinload

from counter_app import audit, tracking_codes
from counter_app.catalogue import BusinessKind
from counter_app.core import Actor, Core
from counter_app.db import sequences
from counter_app.db.models import Account, RequestDocument, RequestEvent, ServiceRequest, Staff
from counter_app.domain import workflow
from counter_app.domain.enums import (
    DocumentState,
    EventType,
    HeatingForm,
    HeatingState,
    RequestStatus,
)
from counter_app.domain.permissions import Permission
from counter_app.domain.premises import format_address
from counter_app.errors import Conflict, NotFound, ReasonRequired, ValidationError
from counter_app.services import accounts, effects
from counter_app.workdays import WorkdayCalendar, warning_for_years


def new_tracking_code() -> str:
    return tracking_codes.new_code()


def parse_tracking(text: str) -> str | None:
    """A tracking code from what a scanner typed: the bare code or the URL."""
    return tracking_codes.from_scan(text)


@dataclass
class DocumentInput:
    received: bool = True
    original_seen: bool = False
    copies: int = 0


# -- reading ------------------------------------------------------------------

def load(session: Session, request_id: int) -> ServiceRequest:
    request = session.get(ServiceRequest, request_id)
    if request is None:
        raise NotFound(f"没有编号为 {request_id} 的业务")
    return request


def missing_documents(request: ServiceRequest) -> list[RequestDocument]:
    """Required documents neither received nor waived.  In a one_of group, one
    received or waived member satisfies the whole group."""
    return missing_among(request.documents)


class DocumentFacts(Protocol):
    """What ``missing_among`` reads of a request's document: a RequestDocument, or a
    row of these columns."""

    @property
    def required(self) -> bool: ...
    @property
    def state(self) -> DocumentState: ...
    @property
    def one_of(self) -> str: ...


_Doc = TypeVar("_Doc", bound=DocumentFacts)


def missing_among(documents: Sequence[_Doc]) -> list[_Doc]:
    """``missing_documents`` over anything with required / state / one_of (rows too)."""
    satisfied_groups = {d.one_of for d in documents
                        if d.one_of and d.state is not DocumentState.MISSING}
    return [d for d in documents
            if d.required and d.state is DocumentState.MISSING
            and not (d.one_of and d.one_of in satisfied_groups)]


# -- helpers -------------------------------------------------------------------

def _event(session: Session, core: Core, actor: Actor, request: ServiceRequest, *,
           event_type: EventType, action: str, note: str = "", to_status: RequestStatus | None = None,
           late_reason: str = "", handover_to: int | None = None, department: str = "") -> None:
    session.add(RequestEvent(
        request_id=request.id, at=core.now(), staff_id=actor.staff_id, event_type=event_type,
        action=action, from_status=request.status, to_status=to_status, note=note.strip(),
        late_reason=late_reason.strip(), handover_to_id=handover_to,
        handover_department=department))


# application fields that repeat what the account registration already holds
_FROM_ACCOUNT = {"owner_name": "holder_name", "owner_id_number": "id_number", "phone": "phone",
                 "area": "area"}


def _prefill_from_account(kind: BusinessKind, fields: dict[str, str], data: accounts.AccountInput) -> None:
    keys = {f.key for f in kind.fields}
    for key, attr in _FROM_ACCOUNT.items():
        if key in keys and not str(fields.get(key) or "").strip():
            fields[key] = getattr(data, attr)
    if "address" in keys and not str(fields.get("address") or "").strip():
        fields["address"] = format_address(data.community, data.building, data.unit, data.room,
                                           data.address_text)
    if "heating_method" in keys and not fields.get("heating_method"):
        try:
            fields["heating_method"] = HeatingForm.parse(data.heating_form).label
        except ValueError:
            pass


def _checklist(request: ServiceRequest, kind: BusinessKind, now: dt.datetime,
               non_residential: bool) -> Iterator[RequestDocument]:
    for spec in kind.documents_for(by_agent=request.by_agent, non_residential=non_residential):
        yield RequestDocument(
            code=spec.code, name=spec.name, required=spec.required, one_of=spec.one_of or "",
            original_required=spec.original, copies_required=spec.copies,
            state=DocumentState.MISSING, updated_at=now)


def _apply_document(doc: RequestDocument, given: DocumentInput, now: dt.datetime) -> None:
    if given.copies < 0 or given.copies > 99:
        raise ValidationError(f"“{doc.name}”的复印件份数应在0-99之间", field=doc.code)
    doc.state = DocumentState.RECEIVED if given.received else DocumentState.MISSING
    doc.original_seen = given.received and given.original_seen
    doc.copies = given.copies if given.received else 0
    doc.updated_at = now


def _check_late(core: Core, request: ServiceRequest, late_reason: str) -> None:
    if request.deadline and core.today() > request.deadline and not late_reason.strip():
        raise ReasonRequired(
            f"已超过办理期限（{request.deadline:%Y-%m-%d}），请填写超期原因，并向客户说明原因",
            field="late_reason")


# -- use cases -----------------------------------------------------------------

def receive(core: Core, actor: Actor, kind_code: str, *, account_id: int | None = None,
            new_account: accounts.AccountInput | None = None, applicant_name: str = "",
            by_agent: bool = False, agent_name: str = "", fields: dict[str, str] | None = None,
            documents: dict[str, DocumentInput] | None = None, note: str = "") -> int:
    """Register a business (the standard's record) and nothing more.  Returns the
    id.  At the counter the whole visit is ``registration.register``."""
    actor.require(Permission.SERVE)
    application = Application(kind_code, account_id, new_account, applicant_name, by_agent,
                              agent_name, dict(fields or {}), dict(documents or {}), note)
    with core.unit_of_work() as session:
        return receive_in(session, core, actor, application).id


@dataclass
class Application:
    """What the clerk took down for a new business: who, which account, the
    catalogue's fields and the documents handed over."""

    kind: str
    account_id: int | None = None
    new_account: accounts.AccountInput | None = None
    applicant_name: str = ""
    by_agent: bool = False
    agent_name: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    documents: dict[str, DocumentInput] = field(default_factory=dict)
    note: str = ""


def receive_in(session: Session, core: Core, actor: Actor, app: Application) -> ServiceRequest:
    """``receive`` inside the caller's unit of work."""
    actor.require(Permission.SERVE)
    kind = core.catalogue.get(app.kind)
    fields = dict(app.fields)
    if app.new_account is not None:
        _prefill_from_account(kind, fields, app.new_account)
    values = kind.parse_fields(fields)
    if app.by_agent and not app.agent_name.strip():
        raise ValidationError("由代理人办理时请填写代理人姓名", field="agent_name")
    now = core.now()
    if app.account_id is not None:
        account = accounts.load(session, app.account_id)
    elif app.new_account is not None:
        if kind.needs_account:
            raise ValidationError(f"{kind.name}须针对已有账户办理，请先查找客户")
        app.new_account.heating_state = HeatingState.NOT_CONNECTED.value
        account = accounts.create_account(session, core, actor, app.new_account)
    elif kind.needs_account:
        raise ValidationError(f"{kind.name}须先查找并选定客户账户", field="account")
    else:
        account = None
    if account is not None and kind.user_class != "any" and account.user_class.value != kind.user_class:
        raise ValidationError(
            f"该账户为{account.user_class.label}用户，不能办理“{kind.name}”，请选择对应的业务")
    effects.check_preconditions(session, core, kind, account)
    number = f"SQ{now:%Y}{sequences.next_value(session, f'request-{now:%Y}'):06d}"
    request = ServiceRequest(
        number=number, kind=kind.kind, status=RequestStatus.RECEIVED,
        account_id=account.id if account else None,
        applicant_name=(app.applicant_name or (account.customer.name if account else "")).strip(),
        by_agent=app.by_agent, agent_name=app.agent_name.strip(), tracking_code=new_tracking_code(),
        owner_id=actor.staff_id, created_by_id=actor.staff_id, received_at=now,
        updated_at=now, fields=effects.jsonable(values))
    if not request.applicant_name:
        raise ValidationError("请填写申请人姓名", field="applicant_name")
    session.add(request)
    session.flush()
    non_res = kind.non_residential(account.user_class if account else None)
    for doc in _checklist(request, kind, now, non_res):
        request.documents.append(doc)
        if doc.code in app.documents:
            _apply_document(doc, app.documents[doc.code], now)
    unknown = set(app.documents) - {d.code for d in request.documents}
    if unknown:
        raise ValidationError(f"“{kind.name}”的材料清单中没有：{'、'.join(sorted(unknown))}")
    _event(session, core, actor, request, event_type=EventType.RECORD, action="receive",
           to_status=RequestStatus.RECEIVED, note=app.note or f"登记{kind.name}")
    audit.record(session, staff_id=actor.staff_id, at=now, action="create", obj=request)
    return request


def record_document(core: Core, actor: Actor, request_id: int, code: str,
                    given: DocumentInput) -> None:
    actor.require(Permission.SERVE)
    with core.unit_of_work() as session:
        request = load(session, request_id)
        _open_or_fail(request)
        doc = _document(request, code)
        before = audit.snapshot(doc)
        _apply_document(doc, given, core.now())
        audit.record(session, staff_id=actor.staff_id, at=core.now(), action="update",
                     obj=doc, before=before)


def waive_document(core: Core, actor: Actor, request_id: int, code: str, reason: str) -> None:
    """A supervisor lets a required document go, with a reason (kept on record)."""
    with core.unit_of_work() as session:
        waive_in(session, core, actor, load(session, request_id), code, reason)


def waive_in(session: Session, core: Core, actor: Actor, request: ServiceRequest, code: str,
             reason: str) -> None:
    """``waive_document`` inside the caller's unit of work."""
    actor.require(Permission.WAIVE_DOCUMENT)
    if not reason.strip():
        raise ValidationError("请填写免交原因", field="reason")
    _open_or_fail(request)
    doc = _document(request, code)
    before = audit.snapshot(doc)
    doc.state = DocumentState.WAIVED
    doc.waived_by_id = actor.staff_id
    doc.waive_reason = reason.strip()
    doc.updated_at = core.now()
    _event(session, core, actor, request, event_type=EventType.INSTRUCTION,
           action="waive_document", note=f"批准免交“{doc.name}”：{reason.strip()}")
    audit.record(session, staff_id=actor.staff_id, at=core.now(), action="waive",
                 obj=doc, before=before)


def act(core: Core, actor: Actor, request_id: int, action: str, *, note: str = "",
        late_reason: str = "") -> RequestStatus:
    """Take one step of the business's status machine."""
    with core.unit_of_work() as session:
        return act_in(session, core, actor, load(session, request_id), action, note=note,
                      late_reason=late_reason)


def act_in(session: Session, core: Core, actor: Actor, request: ServiceRequest, action: str, *,
           note: str = "", late_reason: str = "") -> RequestStatus:
    """``act`` inside the caller's unit of work."""
    kind = core.catalogue.get(request.kind)
    step = workflow.find(kind.workflow, action)
    if step is None:
        raise ValidationError(f"“{kind.name}”没有“{action}”这一步")
    actor.require(step.permission)
    if request.status not in step.sources:
        raise Conflict(f"业务当前状态为“{request.status.label}”，不能{step.label}")
    if step.needs_note and not note.strip():
        raise ValidationError(f"{step.label}须填写说明", field="note")
    if step.needs_documents:
        missing = missing_documents(request)
        if missing:
            names = "、".join(d.name for d in missing)
            raise Conflict(f"材料不全，不能受理：缺少{names}。可出具一次性告知单，"
                           "或请值班长批准免交", field="documents")
    if step.answers_deadline:
        _check_late(core, request, late_reason)
    before = audit.snapshot(request)
    account = request.account
    if step.applies_effect:
        effects.check_preconditions(session, core, kind, account)
        effects.apply(session, core, actor, kind, request)
    _event(session, core, actor, request, event_type=step.event, action=step.action,
           note=note or step.label, to_status=step.target, late_reason=late_reason)
    request.status = step.target
    request.updated_at = core.now()
    request.pending_approval = step.approval
    if step.answers_deadline or step.target.is_closed:
        request.deadline = request.deadline_kind = None
        request.deadline_fallback = False
    if step.starts_deadline and step.starts_deadline in kind.deadlines:
        due = core.calendar(session).add_workdays(core.today(), kind.deadlines[step.starts_deadline])
        request.deadline, request.deadline_kind = due.due, step.starts_deadline
        request.deadline_fallback = bool(due.fallback_years)
    if step.target.is_closed:
        request.closed_at = core.now()
    audit.record(session, staff_id=actor.staff_id, at=core.now(), action=step.action,
                 obj=request, before=before)
    return request.status


def explain_delay(core: Core, actor: Actor, request_id: int, reason: str) -> None:
    """Record why a deadline is missed (the standard: explain it to the customer)."""
    actor.require(Permission.SERVE)
    if not reason.strip():
        raise ValidationError("请填写超期原因", field="late_reason")
    with core.unit_of_work() as session:
        request = load(session, request_id)
        _open_or_fail(request)
        _event(session, core, actor, request, event_type=EventType.RESPONSE,
               action="explain_delay", note="已向客户说明超期原因", late_reason=reason)
        audit.record(session, staff_id=actor.staff_id, at=core.now(), action="explain_delay",
                     entity="service_request", entity_id=request.id, after={"reason": reason})


def handover(core: Core, actor: Actor, request_id: int, *, to_staff_id: int | None = None,
             department: str = "", note: str) -> None:
    """首问负责: ownership moves only by an explicit handover with a note."""
    actor.require(Permission.SERVE)
    if not note.strip():
        raise ValidationError("移交须写明交接事项和责任", field="note")
    if to_staff_id is None and not department.strip():
        raise ValidationError("请选择接手的同事或部门", field="to")
    with core.unit_of_work() as session:
        request = load(session, request_id)
        _open_or_fail(request)
        if request.owner_id != actor.staff_id:
            actor.require(Permission.HANDOVER_ANY)
        before = audit.snapshot(request)
        target = f"移交{department}" if department else ""
        if to_staff_id is not None:
            staff = session.get(Staff, to_staff_id)
            if staff is None or not staff.active:
                raise NotFound("接手的同事不存在或已停用", field="to")
            target = f"移交{staff.display_name}"
            request.owner_id = staff.id
        _event(session, core, actor, request, event_type=EventType.INSTRUCTION, action="handover",
               note=f"{target}：{note.strip()}", handover_to=to_staff_id, department=department)
        request.updated_at = core.now()
        audit.record(session, staff_id=actor.staff_id, at=core.now(), action="handover",
                     obj=request, before=before)


def _open_or_fail(request: ServiceRequest) -> None:
    if request.status.is_closed:
        raise Conflict(f"业务 {request.number} 已{request.status.label}，不能再修改")


def _document(request: ServiceRequest, code: str) -> RequestDocument:
    for doc in request.documents:
        if doc.code == code:
            return doc
    raise NotFound(f"业务 {request.number} 的材料清单中没有“{code}”", field=code)


# -- views ---------------------------------------------------------------------
# A read costs the same few queries whatever the number of rows.  A list is one
# SELECT of plain columns (the owner's name and the account number joined in); one
# request in full adds a query for its documents and one for its timeline (each
# event's clerk joined in).  The working-day calendar is taken once per read.

@dataclass(frozen=True)
class EventView:
    at: dt.datetime
    staff: str
    event_type: EventType
    action: str
    to_status: RequestStatus | None
    note: str
    late_reason: str


@dataclass(frozen=True)
class DocumentView:
    code: str
    name: str
    required: bool
    one_of: str
    state: DocumentState
    original_seen: bool
    copies: int
    waive_reason: str


@dataclass(frozen=True)
class RequestRow:
    """A request as the lists show it - the supervisor's queue, an account's open
    requests, the register's overdue list, the handover sheet: no checklist, no
    timeline."""

    id: int
    number: str
    kind: str
    kind_name: str
    status: RequestStatus
    account_id: int | None
    account_no: str
    applicant_name: str
    owner: str
    owner_id: int
    received_at: dt.datetime
    deadline: dt.date | None
    deadline_kind: str | None
    deadline_fallback: bool
    actions: tuple[tuple[str, str], ...] = ()
    # working days from today to the deadline: negative when overdue
    days_left: int | None = None
    overdue: bool = False
    deadline_warning: str | None = None   # the calendar does not know the year


@dataclass(frozen=True, kw_only=True)
class RequestView(RequestRow):
    """One request in full: its window, its papers, the answer to a registration."""

    tracking_code: str
    fields: dict[str, Any]
    documents: tuple[DocumentView, ...]
    missing: tuple[str, ...]
    events: tuple[EventView, ...] = ()
    by_agent: bool = False
    agent_name: str = ""


class _Standing:
    """What a request's kind, status and deadline mean today: the kind's name, the
    steps open to it, the working days left.  One per read, so the calendar is
    taken once (and only when some row has a deadline)."""

    def __init__(self, core: Core, session: Session) -> None:
        self.core, self.session, self.today = core, session, core.today()
        self.calendar: WorkdayCalendar | None = None

    def of(self, kind_code: str, status: RequestStatus, deadline: dt.date | None) -> dict[str, Any]:
        kind = self.core.catalogue.get(kind_code)
        out: dict[str, Any] = {
            "kind_name": kind.name,
            "actions": tuple((t.action, t.label) for t in workflow.available(kind.workflow, status))}
        if deadline is not None:
            if self.calendar is None:
                self.calendar = self.core.calendar(self.session)
            out["days_left"] = self.calendar.workdays_left(self.today, deadline)
            out["overdue"] = self.today > deadline
            out["deadline_warning"] = warning_for_years(
                self.calendar.fallback_years_between(self.today, deadline))
        return out


# the columns of a list row, in RequestRow's order up to deadline_fallback
_ROWS = (select(ServiceRequest.id, ServiceRequest.number, ServiceRequest.kind, ServiceRequest.status,
                ServiceRequest.account_id, Account.account_no, ServiceRequest.applicant_name,
                Staff.display_name, ServiceRequest.owner_id, ServiceRequest.received_at,
                ServiceRequest.deadline, ServiceRequest.deadline_kind, ServiceRequest.deadline_fallback)
         .join(Staff, Staff.id == ServiceRequest.owner_id)
         .outerjoin(Account, Account.id == ServiceRequest.account_id))

# everything ``view`` reads of a request, loaded with it
_IN_FULL = (joinedload(ServiceRequest.account), joinedload(ServiceRequest.owner),
            selectinload(ServiceRequest.documents),
            selectinload(ServiceRequest.events).joinedload(RequestEvent.staff))


def _row(standing: _Standing, r: Row[*tuple[Any, ...]]) -> RequestRow:
    (id_, number, kind, status, account_id, account_no, applicant, owner, owner_id, received_at,
     deadline, deadline_kind, deadline_fallback) = r
    return RequestRow(id=id_, number=number, kind=kind, status=status, account_id=account_id,
                      account_no=account_no or "", applicant_name=applicant, owner=owner,
                      owner_id=owner_id, received_at=received_at, deadline=deadline,
                      deadline_kind=deadline_kind, deadline_fallback=deadline_fallback,
                      **standing.of(kind, status, deadline))


def view(core: Core, request: ServiceRequest) -> RequestView:
    """``request`` in full, inside the read that loaded it.  Loaded with
    ``_IN_FULL`` (as ``get_request`` does), its documents, timeline, account and
    owner come with it; otherwise each is one lazy query more."""
    session = object_session(request)
    assert session is not None, "a request is viewed inside the read that loaded it"
    standing = _Standing(core, session)
    docs = tuple(DocumentView(d.code, d.name, d.required, d.one_of, d.state, d.original_seen,
                              d.copies, d.waive_reason) for d in request.documents)
    events = tuple(EventView(e.at, e.staff.display_name, e.event_type, e.action, e.to_status,
                             e.note, e.late_reason) for e in request.events)
    return RequestView(
        id=request.id, number=request.number, kind=request.kind, status=request.status,
        account_id=request.account_id,
        account_no=request.account.account_no if request.account else "",
        applicant_name=request.applicant_name, owner=request.owner.display_name,
        owner_id=request.owner_id, received_at=request.received_at, deadline=request.deadline,
        deadline_kind=request.deadline_kind, deadline_fallback=request.deadline_fallback,
        tracking_code=request.tracking_code, fields=dict(request.fields), documents=docs,
        missing=tuple(d.name for d in missing_documents(request)), events=events,
        by_agent=request.by_agent, agent_name=request.agent_name,
        **standing.of(request.kind, request.status, request.deadline))


def _in_full(core: Core, session: Session, *where: ColumnElement[bool]) -> RequestView | None:
    request = session.scalar(select(ServiceRequest).where(*where).options(*_IN_FULL))
    return view(core, request) if request is not None else None


def get_request(core: Core, request_id: int) -> RequestView:
    with core.reading() as session:
        return get_request_in(session, core, request_id)


def get_request_in(session: Session, core: Core, request_id: int) -> RequestView:
    """``get_request`` inside the caller's read (a printed paper reads more with it)."""
    found = _in_full(core, session, ServiceRequest.id == request_id)
    if found is None:
        raise NotFound(f"没有编号为 {request_id} 的业务")
    return found


def get_by_number(core: Core, number: str) -> RequestView:
    """A request by its number (SQ2026000123), as printed on its papers."""
    with core.reading() as session:
        return get_by_number_in(session, core, number)


def get_by_number_in(session: Session, core: Core, number: str) -> RequestView:
    """``get_by_number`` inside the caller's read."""
    found = _in_full(core, session, ServiceRequest.number == number.strip().upper())
    if found is None:
        raise NotFound(f"没有编号为 {number} 的业务，请核对业务编号")
    return found


def find_by_tracking(core: Core, text: str) -> RequestView:
    code = parse_tracking(text)
    with core.reading() as session:
        found = _in_full(core, session, ServiceRequest.tracking_code == code) if code else None
    if found is None:
        raise NotFound("没有找到该查询码对应的业务")
    return found


def open_requests(core: Core, *, owner_id: int | None = None, account_id: int | None = None,
                  overdue_only: bool = False, approvals_only: bool = False,
                  limit: int = 500) -> list[RequestRow]:
    """Open requests, the nearest deadline first (those without one last)."""
    with core.reading() as session:
        return open_requests_in(session, core, owner_id=owner_id, account_id=account_id,
                                overdue_only=overdue_only, approvals_only=approvals_only, limit=limit)


def open_requests_in(session: Session, core: Core, *, owner_id: int | None = None,
                     account_id: int | None = None, overdue_only: bool = False,
                     approvals_only: bool = False, limit: int = 500) -> list[RequestRow]:
    """``open_requests`` inside the caller's read."""
    closed = [s for s in RequestStatus if s.is_closed]
    stmt = _ROWS.where(ServiceRequest.status.not_in(closed))
    if owner_id is not None:
        stmt = stmt.where(ServiceRequest.owner_id == owner_id)
    if account_id is not None:
        stmt = stmt.where(ServiceRequest.account_id == account_id)
    if overdue_only:
        stmt = stmt.where(ServiceRequest.deadline < core.today())
    if approvals_only:
        stmt = stmt.where(ServiceRequest.pending_approval.is_(True))
    stmt = stmt.order_by(ServiceRequest.deadline.is_(None), ServiceRequest.deadline,
                         ServiceRequest.id).limit(limit)
    standing = _Standing(core, session)
    return [_row(standing, r) for r in session.execute(stmt)]
