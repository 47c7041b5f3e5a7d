"""Writes a clerk can repeat are recorded once, and a lost commit acknowledgement
is reported as uncertain and resolved by asking again with the same token.
On SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from counter_app import idempotency, ledger
from counter_app.db.models import ClientToken, Feedback, ServiceRequest, Staff, WizardDraft
from counter_app.domain.enums import Channel, DocumentState, FeedbackKind, RequestStatus
from counter_app.errors import (
    CommitUncertain,
    Conflict,
    DatabaseUnavailable,
    PermissionDenied,
    ValidationError,
)
from counter_app.services import drafts, feedback, payments, registration
from counter_app.services.feedback import FeedbackInput
from counter_app.services.registration import Waiver
from counter_app.services.requests import Application, DocumentInput
from tests.helpers import sample_fields
from tests.test_payments import desk, entries  # noqa: F401 - the shared money fixture


@contextmanager
def lost_acknowledgement(engine, *, stored: bool) -> Iterator[list[int]]:
    """The next COMMIT reaches the driver and the connection dies: with
    ``stored`` the server committed before the acknowledgement was lost, without
    it the commit never arrived.  Either way the client sees the same error."""
    dialect = engine.dialect
    real, fired = dialect.do_commit, []

    def dying_commit(dbapi_connection) -> None:
        if not fired:
            fired.append(1)
            if stored:
                real(dbapi_connection)
            else:
                dbapi_connection.rollback()
            raise dialect.loaded_dbapi.OperationalError("server closed the connection unexpectedly")
        real(dbapi_connection)

    dialect.do_commit = dying_commit
    try:
        yield fired
    finally:
        del dialect.do_commit


def count(core, model) -> int:
    with core.reading() as session:
        return session.scalar(select(func.count()).select_from(model))


# -- payments ------------------------------------------------------------------------

def test_double_submitted_payment_gives_one_receipt(desk):  # noqa: F811
    core, clerk, token = desk.core, desk.people.clerk, idempotency.new_token()
    first = payments.take_payment(core, clerk, desk.acc, "1000", "cash", client_token=token)
    again = payments.take_payment(core, clerk, desk.acc, "1000", "cash", client_token=token)
    assert again.receipt_no == first.receipt_no and again.entry_id == first.entry_id
    assert len(entries(core)) == 1
    other = payments.take_payment(core, clerk, desk.acc, "1000", "cash",
                                  client_token=idempotency.new_token())
    assert other.receipt_no != first.receipt_no
    assert len(entries(core)) == 2


@pytest.mark.parametrize("stored", [True, False], ids=["committed", "not-committed"])
def test_lost_commit_acknowledgement_is_uncertain_and_resolved_by_the_token(desk, stored):  # noqa: F811
    core, clerk, token = desk.core, desk.people.clerk, idempotency.new_token()
    with lost_acknowledgement(core.engine, stored=stored) as fired:
        with pytest.raises(CommitUncertain) as uncertain:
            payments.take_payment(core, clerk, desk.acc, "1000", "cash", client_token=token)
        assert fired
    assert "无法确认" in uncertain.value.message and "未保存" not in uncertain.value.message
    assert len(entries(core)) == (1 if stored else 0)
    view = payments.take_payment(core, clerk, desk.acc, "1000", "cash", client_token=token)
    rows = entries(core)
    assert len(rows) == 1 and rows[0].receipt_no == view.receipt_no == f"{core.today().year}-000001"
    assert ledger.verify(core.engine).ok


def test_an_error_before_the_commit_is_still_not_saved(desk, monkeypatch):  # noqa: F811
    core = desk.core

    def failing_seal(session, entry, position):
        raise OperationalError("INSERT", {}, Exception("connection reset"))
    monkeypatch.setattr(ledger, "seal", failing_seal)
    with pytest.raises(DatabaseUnavailable) as exc:
        payments.take_payment(core, desk.people.clerk, desk.acc, "1000", "cash",
                              client_token=idempotency.new_token())
    assert "未保存" in exc.value.message
    assert entries(core) == []


def test_racing_twins_with_one_token_record_once(desk):  # noqa: F811
    core, clerk, token = desk.core, desk.people.clerk, idempotency.new_token()
    barrier, results, errors = threading.Barrier(2), [], []

    def pay() -> None:
        barrier.wait()
        try:
            results.append(payments.take_payment(core, clerk, desk.acc, "1000", "cash",
                                                 client_token=token))
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
    threads = [threading.Thread(target=pay) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert {r.receipt_no for r in results} == {results[0].receipt_no}
    assert len(entries(core)) == 1


def test_a_token_is_bound_to_its_action_and_checked(desk):  # noqa: F811
    core, clerk, token = desk.core, desk.people.clerk, idempotency.new_token()
    paid = payments.take_payment(core, clerk, desk.acc, "1000", "cash", client_token=token)
    with pytest.raises(Conflict):
        payments.void(core, clerk, paid.entry_id, "收错户", desk.people.supervisor, client_token=token)
    with pytest.raises(ValidationError) as bad:
        payments.take_payment(core, clerk, desk.acc, "1000", "cash", client_token="短")
    assert bad.value.field == "client_token"


def test_void_and_refund_repeat_once(desk):  # noqa: F811
    core, people = desk.core, desk.people
    paid = payments.take_payment(core, people.clerk, desk.acc, "1000", "cash")
    token = idempotency.new_token()
    with lost_acknowledgement(core.engine, stored=True):
        with pytest.raises(CommitUncertain):
            payments.void(core, people.clerk, paid.entry_id, "收错户", people.supervisor,
                          client_token=token)
    voided = payments.void(core, people.clerk, paid.entry_id, "收错户", people.supervisor,
                           client_token=token)
    assert voided.original_id == paid.entry_id and voided.amount_fen == -100000
    paid2 = payments.take_payment(core, people.clerk, desk.acc, "500", "card")
    token = idempotency.new_token()
    one = payments.refund(core, people.clerk, paid2.entry_id, "100", "多收", people.supervisor,
                          client_token=token)
    two = payments.refund(core, people.clerk, paid2.entry_id, "100", "多收", people.supervisor,
                          client_token=token)
    assert one.entry_id == two.entry_id
    assert [e.entry_type for e in entries(core)] == ["payment", "void", "payment", "refund"]


# -- registering a business at the counter ----------------------------------------------

def _application(core, people, **overrides) -> Application:
    from tests.helpers import account_input
    kind = core.catalogue.get("application_residential")
    values = dict(kind="application_residential", new_account=account_input(5),
                  fields=sample_fields(kind))
    values.update(overrides)
    return Application(**values)


def _all_received(core, kind: str) -> dict[str, DocumentInput]:
    return {d.code: DocumentInput(received=True, original_seen=True, copies=1)
            for d in core.catalogue.get(kind).documents_for(by_agent=False, non_residential=False)}


def test_register_accepts_a_complete_application_in_one_transaction(core, people):
    draft = drafts.save(core, people.clerk, "application_residential", {"page": 4}, title="草稿")
    app = _application(core, people, documents=_all_received(core, "application_residential"))
    view = registration.register(core, people.clerk, app, draft_id=draft)
    assert view.status is RequestStatus.ACCEPTED and view.missing == ()
    assert [e.action for e in view.events] == ["receive", "accept"]
    with core.reading() as session:
        assert session.get(WizardDraft, draft).finished_request_id == view.id


def test_register_with_missing_documents_awaits_them_and_waivers_count(core, people):
    kind = core.catalogue.get("application_residential")
    required = [d for d in kind.documents_for(by_agent=False, non_residential=False)
                if d.required and not d.one_of]
    docs = _all_received(core, kind.kind)
    docs[required[0].code] = DocumentInput(received=False)
    waiting = registration.register(core, people.clerk, _application(core, people, documents=docs))
    assert waiting.status is RequestStatus.AWAITING_DOCUMENTS
    assert required[0].name in waiting.missing

    waived = registration.register(
        core, people.clerk, _application(core, people, new_account=None, account_id=waiting.account_id,
                                         documents=docs),
        waivers=[Waiver(required[0].code, "原件遗失，补办中", people.supervisor)])
    assert waived.status is RequestStatus.ACCEPTED
    doc = next(d for d in waived.documents if d.code == required[0].code)
    assert doc.state is DocumentState.WAIVED and doc.waive_reason == "原件遗失，补办中"


def test_register_fails_whole_and_repeats_once(core, people):
    app = _application(core, people, documents=_all_received(core, "application_residential"))
    with core.unit_of_work() as session:   # the supervisor left since logging in at this counter
        session.get(Staff, people.supervisor.staff_id).active = False
    waiver = Waiver(next(iter(app.documents)), "理由", people.supervisor)
    with pytest.raises(PermissionDenied):
        registration.register(core, people.clerk, app, waivers=[waiver])
    assert count(core, ServiceRequest) == 0          # no RECEIVED request left behind

    token = idempotency.new_token()
    with lost_acknowledgement(core.engine, stored=True):
        with pytest.raises(CommitUncertain):
            registration.register(core, people.clerk, app, client_token=token)
    again = registration.register(core, people.clerk, app, client_token=token)
    assert count(core, ServiceRequest) == 1 and again.status is RequestStatus.ACCEPTED
    assert count(core, ClientToken) == 1


def test_feedback_logged_once_per_token(core, people):
    data = FeedbackInput(kind=FeedbackKind.COMPLAINT, channel=Channel.COUNTER, text="暖气不热",
                         customer_name="张伟", contact="13912345678")
    token = idempotency.new_token()
    first = feedback.log(core, people.clerk, data, client_token=token)
    assert feedback.log(core, people.clerk, data, client_token=token) == first
    assert count(core, Feedback) == 1
