"""The business wizard and the drafts list, through the real widgets."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox, QWizard

from counter_app.catalogue import load_catalogue
from counter_app.core import Core
from counter_app.domain.enums import DocumentState, HeatingState, RequestStatus
from counter_app.errors import DatabaseUnavailable, NotFound
from counter_app.services import accounts, drafts, requests
from tests.helpers import account_input, resident_id
from ui.wizard import BusinessWizard, DraftsDialog
from ui.wizard.wizard import CONFIRM, CUSTOMER, DETAILS, DOCUMENTS, DONE, DRAFT_KEPT

NEW_ID = resident_id(seq="555")


def make_wizard(qtbot, core, actor, kind, **kw) -> BusinessWizard:
    wizard = BusinessWizard(core, actor, kind, **kw)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def click_next(qtbot, wizard: BusinessWizard) -> None:
    which = QWizard.WizardButton.CommitButton if wizard.currentPage().isCommitPage() \
        else QWizard.WizardButton.NextButton
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def fill_new_customer(wizard: BusinessWizard, **overrides: str) -> None:
    values = dict(account_no="20250001", holder_name="刘芳", id_number=NEW_ID, phone="13912345678",
                  community="幸福小区", building="5", unit="1", room="502", area="92.3")
    values.update(overrides)
    for key, value in values.items():
        wizard.customer_page.form.set_text(key, value)


def tick(wizard: BusinessWizard, *codes: str) -> None:
    for code in codes:
        row = wizard.documents_page.rows[code]
        row.received.setChecked(True)
        row.original.setChecked(True)


def run_to_done(qtbot, wizard: BusinessWizard) -> None:
    while wizard.currentId() < DONE:
        before = wizard.currentId()
        click_next(qtbot, wizard)
        errors = [e.text() for e in wizard.currentPage().findChildren(QLabel) if e.isVisible()
                  and e.objectName().startswith("error_")]
        assert wizard.currentId() != before, (wizard.currentPage().status.text(), errors)


def error_at(page, key: str) -> str:
    label = page.findChild(QLabel, f"error_{key}")
    return label.text() if label is not None and label.isVisible() else ""


# -- applications ---------------------------------------------------------------------------

def test_residential_application_for_a_new_customer_with_all_documents(qtbot, qt_app, core, people,
                                                                       messages):
    wizard = make_wizard(qtbot, core, people.clerk, "application_residential")
    fill_new_customer(wizard)
    click_next(qtbot, wizard)
    assert wizard.currentId() == DOCUMENTS
    assert wizard.draft_id is not None                       # moving on keeps a draft
    tick(wizard, "owner_id_card", "property_certificate")
    assert "已齐全" in wizard.documents_page.missing_label.text()
    assert not wizard.documents_page.waive_button.isEnabled()
    click_next(qtbot, wizard)
    details = wizard.details_page
    assert details.raw("owner_name") == "刘芳"               # prefilled from the customer page
    assert details.raw("owner_id_number") == NEW_ID
    assert details.raw("address") == "幸福小区5号楼1单元502室"
    assert details.raw("heating_method") == "散热器"
    click_next(qtbot, wizard)
    assert "本采暖季收费标准尚未发布" in wizard.fees_page.findChild(QLabel, "schedule_basis").text()
    assert wizard.fees_page.table.item(0, 1).text() == "采暖费"
    click_next(qtbot, wizard)
    assert wizard.currentId() == CONFIRM
    assert "刘芳" in wizard.confirm_page.summary.toPlainText()
    assert "确认后即受理" in wizard.confirm_page.outcome.text()
    click_next(qtbot, wizard)
    assert wizard.currentId() == DONE and messages.texts == []

    view = requests.get_request(core, wizard.request_id)
    assert view.status is RequestStatus.ACCEPTED
    assert view.deadline == dt.date(2025, 11, 25)           # 3 working days after Thu 20
    assert view.fields["owner_name"] == "刘芳" and view.fields["area"] == "92.30"
    account = accounts.get_account(core, view.account_id)
    assert account.account_no == "20250001" and account.heating_state is HeatingState.NOT_CONNECTED
    done = wizard.done_page
    assert done.tracking.text() == view.tracking_code
    assert done.tracking.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert done.number.text() == view.number
    assert done.status_value.text() == "已受理"
    assert done.deadline.text().startswith("2025-11-25")
    assert done.print_receipt.isEnabled() and done.print_receipt.menu() is not None
    assert "谢谢您，再见" in done.farewell.text()
    assert drafts.open_drafts(core, people.clerk) == []      # the draft is finished
    with pytest.raises(NotFound):
        drafts.load(core, people.clerk, wizard.draft_id)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert not wizard.isVisible()


def _to_documents_without_certificate(qtbot, wizard: BusinessWizard) -> None:
    fill_new_customer(wizard)
    click_next(qtbot, wizard)
    tick(wizard, "owner_id_card")


def test_a_missing_property_certificate_sends_it_to_awaiting_documents(qtbot, qt_app, core, people,
                                                                       messages):
    wizard = make_wizard(qtbot, core, people.clerk, "application_residential")
    _to_documents_without_certificate(qtbot, wizard)
    missing = wizard.documents_page.missing_label.text()
    assert "不动产权证（房产证）或购房合同" in missing and "一次性告知单" in missing
    run_to_done(qtbot, wizard)
    view = requests.get_request(core, wizard.request_id)
    assert view.status is RequestStatus.AWAITING_DOCUMENTS
    notice = wizard.done_page.notice.text()
    assert "一次性告知单" in notice and "不动产权证（房产证）" in notice
    assert wizard.done_page.status_value.text() == "待补材料"
    assert wizard.done_page.print_notice.isEnabled()


def test_a_supervisor_waives_the_missing_document_and_a_clerk_cannot(qtbot, qt_app, core, people, messages):
    wizard = make_wizard(qtbot, core, people.clerk, "application_residential")
    _to_documents_without_certificate(qtbot, wizard)
    page = wizard.documents_page
    qtbot.mouseClick(page.waive_button, Qt.MouseButton.LeftButton)
    dialog = page.waiver_dialog
    assert dialog.isVisible()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)            # no reason yet
    assert "免交原因" in dialog.reason_error.text() and dialog.isVisible()
    dialog.reason.setText("不动产权证正在办理，客户承诺补交")
    qtbot.keyClicks(dialog.username, "li")
    qtbot.keyClicks(dialog.password, "clerk-pass")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert "无权批准免交" in dialog.message.text() and dialog.isVisible()
    assert page.waivers == {}
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, "wang")
    qtbot.keyClicks(dialog.password, "super-pass")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert set(page.waivers) == {"property_certificate"}
    assert "已批准免交" in page.missing_label.text() and "王值班长" in page.missing_label.text()
    assert "已齐全" in page.missing_label.text()
    run_to_done(qtbot, wizard)
    view = requests.get_request(core, wizard.request_id)
    assert view.status is RequestStatus.ACCEPTED
    doc = next(d for d in view.documents if d.code == "property_certificate")
    assert doc.state is DocumentState.WAIVED and doc.waive_reason == "不动产权证正在办理，客户承诺补交"
    waive = next(e for e in view.events if e.action == "waive_document")
    assert waive.staff == "王值班长"
    assert messages.texts == []


def test_an_agent_adds_the_agent_documents_and_needs_a_name(qtbot, qt_app, core, people, messages):
    wizard = make_wizard(qtbot, core, people.clerk, "application_residential")
    fill_new_customer(wizard)
    wizard.customer_page.by_agent.setChecked(True)
    click_next(qtbot, wizard)
    assert wizard.currentId() == CUSTOMER
    assert error_at(wizard.customer_page, "agent_name") == "由代理人办理时请填写代理人姓名"
    wizard.customer_page.agent_name.setText("刘强")
    click_next(qtbot, wizard)
    assert {"agent_id_card", "power_of_attorney"} <= set(wizard.documents_page.rows)
    wizard.back()
    wizard.customer_page.by_agent.setChecked(False)
    click_next(qtbot, wizard)
    assert "agent_id_card" not in wizard.documents_page.rows


def test_an_application_for_an_existing_account_must_not_be_connected(qtbot, qt_app, core, people,
                                                                      messages):
    connected = accounts.register_account(core, people.clerk, account_input(1))
    idle = accounts.register_account(core, people.clerk, account_input(2, heating_state="not_connected"))
    wizard = make_wizard(qtbot, core, people.clerk, "application_residential")
    wizard.customer_page.existing_radio.setChecked(True)
    picker = wizard.customer_page.picker
    picker.set_account(connected)
    click_next(qtbot, wizard)
    assert wizard.currentId() == CUSTOMER and "已接网" in error_at(wizard.customer_page, "account")
    picker.set_account(idle)
    click_next(qtbot, wizard)
    tick(wizard, "owner_id_card", "property_certificate")
    click_next(qtbot, wizard)
    assert wizard.details_page.raw("owner_name") == "张伟"
    assert wizard.details_page.raw("area") == "85.50"
    run_to_done(qtbot, wizard)
    assert requests.get_request(core, wizard.request_id).account_id == idle


def test_a_service_error_about_a_field_takes_the_clerk_back_to_it(qtbot, qt_app, core, people, messages):
    wizard = make_wizard(qtbot, core, people.clerk, "application_residential")
    fill_new_customer(wizard)
    click_next(qtbot, wizard)
    tick(wizard, "owner_id_card", "property_certificate")
    while wizard.currentId() < CONFIRM:
        click_next(qtbot, wizard)
    # meanwhile another counter registers the same 户号
    accounts.register_account(core, people.clerk2, account_input(9, account_no="20250001"))
    click_next(qtbot, wizard)
    assert wizard.currentId() == CUSTOMER and wizard.request_id is None
    assert "20250001 已存在" in error_at(wizard.customer_page, "account_no")
    assert messages.texts == [] and wizard.customer_page.form.text("holder_name") == "刘芳"


# -- businesses on an existing account -------------------------------------------------------

@pytest.fixture
def account_id(core, people) -> int:
    return accounts.register_account(core, people.clerk, account_input(1))


def test_stop_goes_to_the_supervisors_approval_queue(qtbot, qt_app, core, people, messages, account_id):
    wizard = make_wizard(qtbot, core, people.clerk, "stop", account_id=account_id)
    assert wizard.customer_page.picker.facts["holder"].text() == "张伟"
    assert wizard.customer_page.picker.facts["state"].text() == "供热"
    click_next(qtbot, wizard)
    tick(wizard, "owner_id_card", "property_certificate", "last_season_receipt")
    click_next(qtbot, wizard)
    form = wizard.details_page.form
    assert wizard.details_page.raw("phone") == "13912340001"  # from the account
    form.inputs["reason"].setCurrentText("房屋空置")
    form.inputs["season"].setText("2025-2026")
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    assert "送值班长审批" in wizard.confirm_page.outcome.text()
    click_next(qtbot, wizard)
    view = requests.get_request(core, wizard.request_id)
    assert view.status is RequestStatus.ACCEPTED and view.fields["season"] == "2025-2026"
    assert [r.id for r in requests.open_requests(core, approvals_only=True)] == [wizard.request_id]
    assert "值班长审批" in wizard.done_page.notice.text()


def test_resume_transfer_and_settlement_are_created_with_their_fields(qtbot, qt_app, core, people,
                                                                      messages, account_id):
    new_owner = resident_id(seq="888")
    cases = {
        "resume": ({"season": "2025-2026", "resume_date": "2025-11-21", "phone": "13912345678"},
                   ("owner_id_card", "purchase_contract")),
        "change_transfer": ({"new_holder_name": "王敏", "new_holder_id_number": new_owner,
                             "phone": "0371-62345678", "transfer_date": "2025年11月1日"},
                            ("new_owner_id_card", "sale_contract")),
        "settlement": ({"season": "2025", "payer_name": "张伟"}, ()),
    }
    for kind, (values, codes) in cases.items():
        wizard = make_wizard(qtbot, core, people.clerk, kind, account_id=account_id)
        click_next(qtbot, wizard)
        tick(wizard, *codes)
        click_next(qtbot, wizard)
        for key, value in values.items():
            wizard.details_page.form.inputs[key].setText(value)
        run_to_done(qtbot, wizard)
        view = requests.get_request(core, wizard.request_id)
        assert view.status is RequestStatus.ACCEPTED, kind
        assert view.account_id == account_id
        if kind == "change_transfer":
            assert view.fields["new_holder_name"] == "王敏"
            assert view.fields["new_holder_id_number"] == new_owner
            assert view.fields["phone"] == "0371-62345678"
            assert view.fields["transfer_date"] == "2025-11-01"
        elif kind == "settlement":
            assert view.fields["season"] == "2025-2026"
        wizard.accept()
    assert messages.texts == []


def test_a_business_on_an_account_cannot_go_on_without_one(qtbot, qt_app, core, people, messages, account_id):
    wizard = make_wizard(qtbot, core, people.clerk, "change_name")
    click_next(qtbot, wizard)
    assert wizard.currentId() == CUSTOMER
    assert "请先查找并选定客户" in error_at(wizard.customer_page, "account")
    picker = wizard.customer_page.picker
    qtbot.keyClicks(picker.lookup, "100100001")
    qtbot.keyClick(picker.lookup, Qt.Key.Key_Return)       # searches; does not press Next
    assert wizard.currentId() == CUSTOMER
    assert picker.account is not None and picker.account.id == account_id
    click_next(qtbot, wizard)
    assert wizard.currentId() == DOCUMENTS


# -- bad input --------------------------------------------------------------------------------

def test_invalid_id_phone_and_area_are_shown_at_the_field(qtbot, qt_app, core, people, messages, account_id):
    wizard = make_wizard(qtbot, core, people.clerk, "application_residential")
    bad_id = NEW_ID[:-1] + ("0" if NEW_ID[-1] != "0" else "1")
    fill_new_customer(wizard, id_number=bad_id, phone="1391234", area="八十")
    click_next(qtbot, wizard)
    page = wizard.customer_page
    assert wizard.currentId() == CUSTOMER
    assert "校验位" in error_at(page, "id_number")
    assert "手机号应为11位" in error_at(page, "phone")
    assert "格式不对" in error_at(page, "area") and "85.5" in error_at(page, "area")
    assert page.form.text("id_number") == bad_id and page.form.text("area") == "八十"
    assert page.form.text("holder_name") == "刘芳"
    # a 户号 already registered is refused at its field
    fill_new_customer(wizard, account_no="100100001")
    click_next(qtbot, wizard)
    assert wizard.currentId() == CUSTOMER and "已存在" in error_at(page, "account_no")
    fill_new_customer(wizard)
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    details = wizard.details_page
    details.form.inputs["phone"].setText("12345")
    details.form.inputs["area"].setText("-5")
    click_next(qtbot, wizard)
    assert wizard.currentId() == DETAILS
    assert "手机号应为11位" in error_at(details, "phone") and "负数" in error_at(details, "area")
    assert details.raw("phone") == "12345" and details.raw("owner_name") == "刘芳"
    assert messages.texts == []


def test_an_impossible_date_is_shown_at_the_field(qtbot, qt_app, core, people, messages, account_id):
    wizard = make_wizard(qtbot, core, people.clerk, "change_transfer", account_id=account_id)
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    inputs = wizard.details_page.form.inputs
    assert inputs["transfer_date"].placeholderText() == "如 2026-11-27"
    inputs["new_holder_name"].setText("王敏")
    inputs["new_holder_id_number"].setText("123")
    inputs["transfer_date"].setText("2025-02-30")
    click_next(qtbot, wizard)
    assert wizard.currentId() == DETAILS
    assert "不存在" in error_at(wizard.details_page, "transfer_date")
    assert "18位" in error_at(wizard.details_page, "new_holder_id_number")
    assert inputs["transfer_date"].text() == "2025-02-30"


def test_the_database_briefly_unreachable_loses_nothing(qtbot, qt_app, core, people, messages,
                                                        monkeypatch):
    real = requests.receive_in
    outages = [DatabaseUnavailable("数据库暂时无法访问，请稍后重试")] * 2

    def flaky(*args, **kwargs):
        if outages:
            raise outages.pop()
        return real(*args, **kwargs)

    monkeypatch.setattr(requests, "receive_in", flaky)
    wizard = make_wizard(qtbot, core, people.clerk, "application_residential")
    fill_new_customer(wizard)
    click_next(qtbot, wizard)
    tick(wizard, "owner_id_card", "property_certificate")
    while wizard.currentId() < CONFIRM:
        click_next(qtbot, wizard)
    messages.answer = QMessageBox.StandardButton.Cancel     # the clerk gives up for now
    click_next(qtbot, wizard)
    assert wizard.currentId() == CONFIRM and wizard.request_id is None
    assert "无法访问" in messages.last
    assert wizard.customer_page.form.text("holder_name") == "刘芳"
    messages.answer = None                                  # next time: Retry (the default)
    click_next(qtbot, wizard)
    assert wizard.currentId() == DONE
    assert messages.texts.count("数据库暂时无法访问，请稍后重试") == 2
    assert requests.get_request(core, wizard.request_id).status is RequestStatus.ACCEPTED


# -- drafts -----------------------------------------------------------------------------------

def test_closing_keeps_a_draft_that_restores_every_value(qtbot, qt_app, core, people, messages):
    wizard = make_wizard(qtbot, core, people.clerk, "application_residential")
    fill_new_customer(wizard)
    wizard.customer_page.by_agent.setChecked(True)
    wizard.customer_page.agent_name.setText("刘强")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    assert not wizard.isVisible() and messages.texts == []   # cancelling asks nothing
    assert wizard.status_message == DRAFT_KEPT
    [draft] = drafts.open_drafts(core, people.clerk)
    assert draft.kind == "application_residential" and "刘芳" in draft.title

    again = make_wizard(qtbot, core, people.clerk, "application_residential", draft_id=draft.id)
    form = again.customer_page.form
    assert form.text("holder_name") == "刘芳" and form.text("id_number") == NEW_ID
    assert form.text("area") == "92.3" and form.text("room") == "502"
    assert again.customer_page.by_agent.isChecked() and again.customer_page.agent_name.text() == "刘强"
    click_next(qtbot, again)
    tick(again, "owner_id_card", "property_certificate", "agent_id_card", "power_of_attorney")
    click_next(qtbot, again)
    again.details_page.form.inputs["note"].setText("二楼东户")
    qtbot.keyClick(again, Qt.Key.Key_Escape)                 # Esc closes, keeping the draft
    assert not again.isVisible()
    assert [d.id for d in drafts.open_drafts(core, people.clerk)] == [draft.id]

    third = make_wizard(qtbot, core, people.clerk, "application_residential", draft_id=draft.id)
    assert third.currentId() == DETAILS                     # back where the clerk left off
    assert third.details_page.raw("note") == "二楼东户"
    assert third.documents_page.rows["power_of_attorney"].received.isChecked()
    run_to_done(qtbot, third)
    assert drafts.open_drafts(core, people.clerk) == []
    view = requests.get_request(core, third.request_id)
    assert view.status is RequestStatus.ACCEPTED and view.fields["note"] == "二楼东户"


def test_an_untouched_wizard_leaves_no_draft(qtbot, qt_app, core, people, messages, account_id):
    wizard = make_wizard(qtbot, core, people.clerk, "stop", account_id=account_id)
    wizard.reject()
    assert drafts.open_drafts(core, people.clerk) == []


def test_drafts_dialog_resumes_and_discards(qtbot, qt_app, core, people, messages):
    first = drafts.save(core, people.clerk, "stop", {"customer": {}}, title="停热申请 100100001 张伟")
    second = drafts.save(core, people.clerk, "settlement", {"customer": {}}, title="热费结算 100100002 李娜")
    started = []
    dialog = DraftsDialog(core, people.clerk, lambda kind, did: started.append((kind, did)), None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 2
    names = {dialog.table.item(r, 0).text() for r in range(2)}
    assert names == {"停热申请", "热费结算"}
    dialog.table.selectRow([dialog.table.item(r, 0).data(Qt.ItemDataRole.UserRole)
                            for r in range(2)].index(second))
    messages.answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    assert "放弃" in messages.last and dialog.table.rowCount() == 2
    messages.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    assert [d.id for d in drafts.open_drafts(core, people.clerk)] == [first]
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert started == [("stop", first)] and not dialog.isVisible()


def test_main_window_opens_the_wizard_and_the_drafts(main_window, qtbot, core, people, account_id):
    qtbot.keyClicks(main_window.lookup, "100100001")
    qtbot.keyClick(main_window.lookup, Qt.Key.Key_Return)
    main_window.registry["business_stop"].trigger()
    wizard = main_window.wizard
    assert wizard.customer_page.picker.account.id == account_id
    click_next(qtbot, wizard)
    tick(wizard, "owner_id_card")                          # something worth keeping
    wizard.reject()
    assert DRAFT_KEPT in main_window.statusBar().currentMessage()
    main_window.registry["drafts"].trigger()
    dialog = main_window.findChild(DraftsDialog)
    dialog.resume()
    resumed = main_window.wizard
    assert resumed is not wizard and resumed.draft_id == wizard.draft_id
    assert resumed.currentId() == DOCUMENTS


# -- the catalogue drives the pages -----------------------------------------------------------

def test_a_document_added_to_forms_appears_without_code_changes(qtbot, qt_app, core, people, messages,
                                                                tmp_path, clock):
    forms = tmp_path / "forms"
    shutil.copytree(Path(__file__).resolve().parent.parent / "forms", forms)
    toml = forms / "businesses" / "application_residential.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + """
[[documents]]
code = "household_register"
name = "户口簿"
required = true
original = true
copies = 2
note = "户主页和本人页"

[[fields]]
key = "floor"
label = "所在楼层"
type = "integer"
min = 1
max = 60
required = false
""", encoding="utf-8")
    custom = Core(core.engine, catalogue=load_catalogue(forms), clock=clock)
    custom.password_hasher = core.password_hasher
    wizard = make_wizard(qtbot, custom, people.clerk, "application_residential")
    fill_new_customer(wizard)
    click_next(qtbot, wizard)
    row = wizard.documents_page.rows["household_register"]
    assert row.received.text() == "户口簿" and row.received.toolTip() == "户主页和本人页"
    assert row.copies.value() == 2 and "必交" in row.need.text()
    tick(wizard, "owner_id_card", "property_certificate")
    assert "户口簿" in wizard.documents_page.missing_label.text()
    click_next(qtbot, wizard)
    wizard.details_page.form.inputs["floor"].setText("99")
    click_next(qtbot, wizard)
    assert "不能大于60" in error_at(wizard.details_page, "floor")
