"""The five businesses through the core services, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text

from counter_app.db.models import AuditRecord, RequestEvent
from counter_app.domain.enums import (
    DocumentState,
    EventType,
    HeatingState,
    RequestStatus,
    UserClass,
)
from counter_app.errors import (
    Conflict,
    NotFound,
    PermissionDenied,
    ReasonRequired,
    ValidationError,
)
from counter_app.services import accounts, requests
from counter_app.services.requests import DocumentInput
from tests.helpers import account_input, resident_id, sample_fields

ALL_SEEN = DocumentInput(received=True, original_seen=True, copies=1)


def residential_application(core, clerk, **kw):
    docs = kw.pop("documents", {"owner_id_card": ALL_SEEN, "property_certificate": ALL_SEEN})
    return requests.receive(core, clerk, "application_residential",
                            new_account=account_input(1, heating_state="not_connected"),
                            documents=docs, **kw)


def test_residential_application_end_to_end(core, people, clock):
    rid = residential_application(core, people.clerk)
    view = requests.get_request(core, rid)
    assert view.status is RequestStatus.RECEIVED
    assert view.missing == ()                      # 不动产权证 satisfies the property group
    assert len(view.tracking_code) >= 22           # 16 random bytes, URL-safe
    assert view.owner == "李营业员"
    assert view.number.startswith("SQ2025")

    # accepted on Thursday 2025-11-20: plan reply due 3 working days later
    assert requests.act(core, people.clerk, rid, "accept") is RequestStatus.ACCEPTED
    view = requests.get_request(core, rid)
    assert view.deadline == dt.date(2025, 11, 25)  # Fri 21, Mon 24, Tue 25
    requests.act(core, people.clerk, rid, "reply_plan", note="管网已到楼，可直接开栓")
    requests.act(core, people.clerk, rid, "sign_contract")
    assert requests.act(core, people.clerk, rid, "heat_on") is RequestStatus.HEAT_ON

    view = requests.get_request(core, rid)
    assert view.deadline is None
    assert [e.event_type for e in view.events] == [
        EventType.RECORD, EventType.INSTRUCTION, EventType.RESPONSE, EventType.RESPONSE,
        EventType.RESULT]
    assert all(e.staff == "李营业员" for e in view.events)
    assert accounts.get_account(core, view.account_id).heating_state is HeatingState.HEATING


def test_missing_document_blocks_acceptance_until_received_or_waived(core, people):
    rid = residential_application(core, people.clerk, documents={"owner_id_card": ALL_SEEN})
    view = requests.get_request(core, rid)
    assert view.missing == ("不动产权证（房产证）", "购房合同")
    with pytest.raises(Conflict, match=r"材料不全.*不动产权证"):
        requests.act(core, people.clerk, rid, "accept")
    # one-time notice: the request waits in "awaiting documents"
    assert requests.act(core, people.clerk, rid, "await_documents") is RequestStatus.AWAITING_DOCUMENTS
    # a clerk cannot waive, whatever the UI shows
    with pytest.raises(PermissionDenied, match="值班长"):
        requests.waive_document(core, people.clerk, rid, "property_certificate", "产权证在办理中")
    with pytest.raises(ValidationError, match="免交原因"):
        requests.waive_document(core, people.supervisor, rid, "property_certificate", " ")
    requests.waive_document(core, people.supervisor, rid, "property_certificate", "产权证在办理中")
    view = requests.get_request(core, rid)
    waived = next(d for d in view.documents if d.code == "property_certificate")
    assert waived.state is DocumentState.WAIVED and waived.waive_reason == "产权证在办理中"
    assert requests.act(core, people.clerk, rid, "accept") is RequestStatus.ACCEPTED


def test_agent_documents_only_when_an_agent_applies(core, people):
    rid = residential_application(core, people.clerk, by_agent=True, agent_name="王五")
    view = requests.get_request(core, rid)
    assert "代理人身份证" in view.missing and "授权委托书" in view.missing
    with pytest.raises(ValidationError, match="代理人姓名"):
        residential_application(core, people.clerk, by_agent=True)


def test_late_plan_reply_needs_a_reason(core, people, clock):
    rid = residential_application(core, people.clerk)
    requests.act(core, people.clerk, rid, "accept")
    clock.set(2025, 11, 26, 9, 0)                  # the day after the deadline
    with pytest.raises(ReasonRequired, match="超过办理期限"):
        requests.act(core, people.clerk, rid, "reply_plan", note="方案")
    requests.act(core, people.clerk, rid, "reply_plan", note="方案",
                 late_reason="勘察人员外出抢修")
    view = requests.get_request(core, rid)
    assert view.events[-1].late_reason == "勘察人员外出抢修"


def test_non_residential_heat_on_deadline_is_five_working_days_after_contract(core, people, clock):
    clock.set(2025, 9, 24, 10, 0)
    org = account_input(7, holder_kind="organisation", holder_name="幸福超市有限公司",
                        id_number="91110000600037341L", user_class="non_residential",
                        heating_state="not_connected")
    account_id = accounts.register_account(core, people.clerk, org)
    rid = requests.receive(core, people.clerk, "application_nonresidential", account_id=account_id,
                           fields=_nonres_fields(core))
    view = requests.get_request(core, rid)
    for doc in view.documents:
        if doc.required:
            requests.record_document(core, people.clerk, rid, doc.code, ALL_SEEN)
    requests.act(core, people.clerk, rid, "accept")
    requests.act(core, people.clerk, rid, "reply_plan", note="需新建入户管")
    clock.set(2025, 9, 26, 10, 0)                  # Friday before the National Day holiday
    requests.act(core, people.clerk, rid, "sign_contract")
    # Sun 28 Sep is a 调休 working day (1), Mon 29 (2), Tue 30 (3), 1-8 Oct are the
    # holiday, Thu 9 Oct (4), Fri 10 Oct (5)
    view = requests.get_request(core, rid)
    assert view.deadline == dt.date(2025, 10, 10)
    assert not view.deadline_fallback


def _nonres_fields(core):
    return sample_fields(core.catalogue.get("application_nonresidential"))


def test_stop_needs_supervisor_approval(core, people):
    account_id = accounts.register_account(core, people.clerk, account_input(2))
    docs = {"owner_id_card": ALL_SEEN, "property_certificate": ALL_SEEN,
            "last_season_receipt": ALL_SEEN}
    rid = requests.receive(core, people.clerk, "stop", account_id=account_id, documents=docs,
                           fields={"reason": "房屋空置", "season": "2025-2026",
                                   "phone": "13912345678"})
    requests.act(core, people.clerk, rid, "accept")
    queue = requests.open_requests(core, approvals_only=True)
    assert [r.id for r in queue] == [rid]
    with pytest.raises(PermissionDenied):
        requests.act(core, people.clerk, rid, "approve")
    requests.act(core, people.supervisor, rid, "approve")
    assert requests.open_requests(core, approvals_only=True) == []
    requests.act(core, people.clerk, rid, "complete")
    assert accounts.get_account(core, account_id).heating_state is HeatingState.STOPPED


def test_resume_turns_heat_back_on(core, people):
    account_id = accounts.register_account(core, people.clerk, account_input(3, heating_state="stopped"))
    rid = requests.receive(core, people.clerk, "resume", account_id=account_id,
                           documents=_all_docs(core, "resume"),
                           fields=sample_fields(core.catalogue.get("resume")))
    requests.act(core, people.clerk, rid, "accept")
    requests.act(core, people.clerk, rid, "complete")
    assert accounts.get_account(core, account_id).heating_state is HeatingState.HEATING


def _all_docs(core, kind_code):
    kind = core.catalogue.get(kind_code)
    return {d.code: ALL_SEEN for d in kind.documents_for(by_agent=False, non_residential=False)}


def test_transfer_moves_the_account_to_the_new_holder(core, people):
    account_id = accounts.register_account(core, people.clerk, account_input(4))
    new_id = resident_id(birth="19900202", seq="456")
    rid = requests.receive(core, people.clerk, "change_transfer", account_id=account_id,
                           documents=_all_docs(core, "change_transfer"),
                           fields={"new_holder_name": "李娜", "new_holder_id_number": new_id,
                                   "phone": "13800001111", "transfer_date": "2025-11-01"})
    requests.act(core, people.clerk, rid, "accept")
    requests.act(core, people.clerk, rid, "complete")
    view = accounts.get_account(core, account_id)
    assert (view.holder_name, view.id_number, view.phone) == ("李娜", new_id, "13800001111")
    assert [h.account_id for h in accounts.find(core, "李娜")] == [account_id]
    assert accounts.find(core, "张伟") == []


def test_name_and_area_changes(core, people):
    account_id = accounts.register_account(core, people.clerk, account_input(5))
    fields = sample_fields(core.catalogue.get("change_name"), new_holder_name="张卫")
    rid = requests.receive(core, people.clerk, "change_name", account_id=account_id,
                           documents=_all_docs(core, "change_name"), fields=fields)
    requests.act(core, people.clerk, rid, "accept")
    requests.act(core, people.clerk, rid, "complete")
    assert accounts.get_account(core, account_id).holder_name == "张卫"

    fields = sample_fields(core.catalogue.get("change_area"), new_area="92.30")
    rid = requests.receive(core, people.clerk, "change_area", account_id=account_id,
                           documents=_all_docs(core, "change_area"), fields=fields)
    requests.act(core, people.clerk, rid, "accept")
    requests.act(core, people.clerk, rid, "complete")
    assert accounts.get_account(core, account_id).area == Decimal("92.30")


def test_settlement_request_completes(core, people):
    account_id = accounts.register_account(core, people.clerk, account_input(6))
    rid = requests.receive(core, people.clerk, "settlement", account_id=account_id,
                           documents=_all_docs(core, "settlement"),
                           fields={"season": "2025-2026", "phone": "13912345678"})
    requests.act(core, people.clerk, rid, "accept")
    assert requests.act(core, people.clerk, rid, "complete") is RequestStatus.COMPLETED
    with pytest.raises(Conflict, match="已办结"):
        requests.act(core, people.clerk, rid, "complete")


def test_handover_changes_owner_only_with_a_note(core, people):
    rid = residential_application(core, people.clerk)
    with pytest.raises(ValidationError, match="交接"):
        requests.handover(core, people.clerk, rid, to_staff_id=people.clerk2.staff_id, note="")
    # another clerk cannot hand over a request they do not own
    with pytest.raises(PermissionDenied):
        requests.handover(core, people.clerk2, rid, to_staff_id=people.clerk2.staff_id, note="我来")
    requests.handover(core, people.clerk, rid, to_staff_id=people.clerk2.staff_id,
                      note="客户下午来补材料，由赵接待")
    view = requests.get_request(core, rid)
    assert view.owner == "赵营业员"
    assert "移交赵营业员：客户下午来补材料" in view.events[-1].note


def test_tracking_code_lookup_from_scanned_url(core, people):
    rid = residential_application(core, people.clerk)
    code = requests.get_request(core, rid).tracking_code
    assert requests.find_by_tracking(core, f"https://heat.example.com/t/{code}").id == rid
    assert requests.find_by_tracking(core, code).id == rid
    with pytest.raises(NotFound):
        requests.find_by_tracking(core, "https://heat.example.com/t/" + "A" * 22)


def test_application_kind_must_match_user_class(core, people):
    account_id = accounts.register_account(core, people.clerk, account_input(8))
    with pytest.raises(ValidationError, match="居民用户"):
        requests.receive(core, people.clerk, "application_nonresidential", account_id=account_id,
                         fields=_nonres_fields(core))


def test_unknown_kind_and_bad_field_store_nothing(core, people, engine):
    account_id = accounts.register_account(core, people.clerk, account_input(9))
    with pytest.raises(ValidationError, match="未知的业务类型"):
        requests.receive(core, people.clerk, "teleport", account_id=account_id)
    with pytest.raises(ValidationError) as err:
        requests.receive(core, people.clerk, "stop", account_id=account_id,
                         fields={"reason": "房屋空置", "season": "2025-2030", "phone": "139"})
    assert err.value.field in ("season", "phone")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM service_request")).scalar() == 0


def test_every_change_is_audited_and_audit_is_append_only(core, people, engine):
    rid = residential_application(core, people.clerk)
    requests.act(core, people.clerk, rid, "accept")
    with core.reading() as session:
        rows = session.scalars(select(AuditRecord).where(
            AuditRecord.entity == "service_request")).all()
        assert [r.action for r in rows] == ["create", "accept"]
        assert rows[1].staff_id == people.clerk.staff_id
        assert rows[1].before["status"] == "received" and rows[1].after["status"] == "accepted"
        assert session.scalar(select(func.count(RequestEvent.id))) == 2
    with pytest.raises(Exception, match="append-only"):
        with engine.begin() as conn:
            conn.execute(text("UPDATE audit_log SET action = 'x'"))
    with pytest.raises(Exception, match="append-only"):
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM audit_log"))


def test_residential_account_class_kept(core, people):
    rid = residential_application(core, people.clerk)
    view = requests.get_request(core, rid)
    assert accounts.get_account(core, view.account_id).user_class is UserClass.RESIDENTIAL


def test_view_counts_working_days_left_and_overdue(core, people, clock):
    rid = residential_application(core, people.clerk)
    requests.act(core, people.clerk, rid, "accept")      # Thu 20 Nov, due Tue 25 Nov
    view = requests.get_request(core, rid)
    assert (view.days_left, view.overdue, view.deadline_warning) == (3, False, None)
    clock.set(2025, 11, 27, 9, 0)                           # Thursday after
    view = requests.get_request(core, rid)
    assert (view.days_left, view.overdue) == (-2, True)
    assert [r.id for r in requests.open_requests(core, overdue_only=True)] == [rid]


def test_rename_of_the_same_person_renames_all_their_accounts(core, people):
    first = accounts.register_account(core, people.clerk, account_input(11))
    second = accounts.register_account(core, people.clerk, account_input(
        12, id_number=account_input(11).id_number))
    same_id = account_input(11).id_number
    rid = requests.receive(core, people.clerk, "change_name", account_id=first,
                           documents=_all_docs(core, "change_name"),
                           fields=sample_fields(core.catalogue.get("change_name"),
                                                new_holder_name="张卫", new_holder_id_number=same_id))
    requests.act(core, people.clerk, rid, "accept")
    requests.act(core, people.clerk, rid, "complete")
    assert accounts.get_account(core, second).holder_name == "张卫"
    assert {h.account_id for h in accounts.find(core, "张卫")} == {first, second}


def test_rename_to_another_person_moves_only_that_account(core, people):
    first = accounts.register_account(core, people.clerk, account_input(13))
    second = accounts.register_account(core, people.clerk, account_input(
        14, id_number=account_input(13).id_number))
    heir = resident_id(birth="19950505", seq="321")
    rid = requests.receive(core, people.clerk, "change_name", account_id=first,
                           documents=_all_docs(core, "change_name"),
                           fields=sample_fields(core.catalogue.get("change_name"),
                                                new_holder_name="张小伟", new_holder_id_number=heir))
    requests.act(core, people.clerk, rid, "accept")
    requests.act(core, people.clerk, rid, "complete")
    assert accounts.get_account(core, first).id_number == heir
    assert accounts.get_account(core, second).holder_name == "张伟"


def test_completed_changes_are_dated_for_settlement(core, people, engine):
    account_id = accounts.register_account(core, people.clerk, account_input(21))
    fields = sample_fields(core.catalogue.get("change_area"), new_area="92.30",
                           effective_date="2025-12-01")
    rid = requests.receive(core, people.clerk, "change_area", account_id=account_id,
                           documents=_all_docs(core, "change_area"), fields=fields)
    requests.act(core, people.clerk, rid, "accept")
    requests.act(core, people.clerk, rid, "complete")
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT effective_date, heating_state, area_x100 FROM account_change")).all()
    assert [(str(r[0]), r[1], r[2]) for r in rows] == [("2025-12-01", None, 9230)]


def test_a_request_is_found_by_its_printed_number(core, people):
    rid = residential_application(core, people.clerk)
    number = requests.get_request(core, rid).number
    assert requests.get_by_number(core, number.lower()).id == rid
    with pytest.raises(NotFound, match="核对业务编号"):
        requests.get_by_number(core, "SQ1999000001")
