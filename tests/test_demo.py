"""``counter-app demo``: realistic data through the real services, on both databases."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from counter_app import demo
from counter_app.db.models import Account, Base, Feedback, RequestDocument, RequestEvent, ServiceRequest
from counter_app.domain.enums import DocumentState, FeedbackKind, RequestStatus, Role
from counter_app.domain.workflow import WORKFLOWS
from counter_app.errors import Conflict
from counter_app.services import feedback, requests, settings, staff


def reachable_states(workflow: str) -> set[RequestStatus]:
    """Every state the workflow can reach from 'received', walked from its transitions."""
    seen, todo = {RequestStatus.RECEIVED}, [RequestStatus.RECEIVED]
    while todo:
        state = todo.pop()
        for t in WORKFLOWS[workflow]:
            if state in t.sources and t.target not in seen:
                seen.add(t.target)
                todo.append(t.target)
    return seen


def row_counts(core) -> dict[str, int]:
    with core.reading() as session:
        return {t.name: session.scalar(select(func.count()).select_from(t))
                for t in Base.metadata.sorted_tables}


def test_populate_makes_a_working_service_hall(core):
    summary = demo.populate(core, accounts=300)

    # staff of every role log in with the passwords the summary prints
    roles = set()
    for username, name, role, password in demo.STAFF:
        assert f"{username} / {password}" in summary and name in summary
        actor = staff.login(core, username, password)
        assert actor.role is role
        roles.add(actor.role)
    assert roles == set(Role)
    assert settings.get_all(core)["company_name"] == "蓝天热力有限公司"

    with core.reading() as s:
        assert s.scalar(select(func.count(Account.id))) >= 300
        assert s.scalar(select(func.count(func.distinct(Account.community)))) >= 6
        states = {(k, st) for k, st in s.execute(
            select(ServiceRequest.kind, ServiceRequest.status).distinct())}
        total = s.scalar(select(func.count(ServiceRequest.id)))
        received = s.execute(select(func.min(ServiceRequest.received_at),
                                    func.max(ServiceRequest.received_at))).one()
        actions = set(s.scalars(select(RequestEvent.action).distinct()))
        late = s.scalar(select(func.count(RequestEvent.id)).where(RequestEvent.late_reason != ""))
        waived = s.scalar(select(func.count(RequestDocument.id))
                          .where(RequestDocument.state == DocumentState.WAIVED))
        fb_kinds = set(s.scalars(select(Feedback.kind).where(Feedback.superseded.is_(False))))
        corrected = s.scalar(select(func.count(Feedback.id)).where(Feedback.corrects_id.is_not(None)))
    assert 60 <= total <= 120
    # every kind, in every state its workflow can reach
    for code, kind in core.catalogue.kinds.items():
        missing = reachable_states(kind.workflow) - {st for k, st in states if k == code}
        assert not missing, f"{code} lacks {sorted(missing)}"
    # spread over the last weeks, nothing in the future
    assert core.now() - received[0] > dt.timedelta(days=20)
    assert received[1] <= core.now()
    assert {"await_documents", "handover", "explain_delay", "waive_document"} <= actions
    assert late >= 1 and waived >= 1

    overdue = requests.open_requests(core, overdue_only=True)
    assert overdue and all(r.deadline < core.today() for r in overdue)

    assert fb_kinds == set(FeedbackKind)
    entries = feedback.listing(core)
    assert any(e.replied_at for e in entries) and any(e.satisfaction for e in entries)
    assert any(e.kind is FeedbackKind.COMPLAINT for e in feedback.listing(core, overdue_only=True))
    assert corrected == 1


def test_second_populate_refuses_and_changes_nothing(core):
    demo.populate(core, accounts=100)
    before = row_counts(core)
    with pytest.raises(Conflict, match=r"空数据库.*--db"):
        demo.populate(core, accounts=100)
    assert row_counts(core) == before


def test_populate_with_few_accounts_runs_its_whole_plan(core):
    # with 150 accounts the payers run out before the last days, so nobody opened a shift on the
    # day of the planned refund: the refund must go to a clerk on duty, not stop the demo
    summary = demo.populate(core, accounts=150)
    assert "收款记录" in summary
    with core.reading() as s:
        assert s.scalar(select(func.count(Account.id))) >= 150


def test_populate_on_a_year_without_holiday_data(core, clock):
    clock.set(2031, 3, 5, 10, 0)  # chinese-calendar has no data for 2031: Monday-Friday fallback
    demo.populate(core, accounts=100, seed=7)
    with core.reading() as s:
        assert s.scalar(select(func.count(ServiceRequest.id)).where(
            ServiceRequest.deadline_fallback.is_(True))) >= 1
        assert s.scalar(select(func.min(ServiceRequest.number))).startswith("SQ2031")
    assert requests.open_requests(core, overdue_only=True)


def test_populate_takes_money_the_way_the_counter_does(core):
    from counter_app import ledger
    from counter_app.db.money import LedgerEntry, Reduction
    from counter_app.services import billing

    demo.populate(core, accounts=300, seed=11)
    report = ledger.verify(core)
    assert report.ok and report.count > 50
    with core.reading() as s:
        kinds = set(s.scalars(select(LedgerEntry.entry_type)))
        assert kinds == {"payment", "void", "refund"}
        assert s.scalar(select(func.count(Reduction.id)).where(Reduction.approved.is_(None))) == 1
    assert billing.arrears_list(core)             # last season's unpaid bills, with the late fee
