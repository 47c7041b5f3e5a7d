"""The wizard as clerks use it every day: only drafts worth resuming are kept,
the checklist explains each document, a drop-down asks to be chosen, and a
change of name needs its proof."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from counter_app.services import accounts, drafts
from tests.helpers import account_input
from tests.test_ui_wizard import click_next, error_at, make_wizard, tick
from ui.wizard import DraftsDialog
from ui.wizard.wizard import DETAILS, DOCUMENTS, DRAFT_KEPT


@pytest.fixture
def account_id(core, people) -> int:
    return accounts.register_account(core, people.clerk, account_input(1))


# -- drafts: only real input is kept ------------------------------------------------------

def test_walking_through_the_pages_and_cancelling_leaves_no_draft(qtbot, qt_app, core, people, messages,
                                                                   account_id):
    wizard = make_wizard(qtbot, core, people.clerk, "stop", account_id=account_id)   # from the lookup
    click_next(qtbot, wizard)
    assert wizard.currentId() == DOCUMENTS
    wizard.reject()
    assert drafts.open_drafts(core, people.clerk) == []
    assert wizard.status_message == "" and messages.texts == []


def test_a_draft_made_on_the_way_is_discarded_when_nothing_is_left_in_it(qtbot, qt_app, core, people,
                                                                          messages, account_id):
    wizard = make_wizard(qtbot, core, people.clerk, "stop", account_id=account_id)
    click_next(qtbot, wizard)
    tick(wizard, "owner_id_card", "property_certificate", "last_season_receipt")
    click_next(qtbot, wizard)
    assert wizard.currentId() == DETAILS and wizard.draft_id is not None     # kept while it had input
    wizard.back()
    for row in wizard.documents_page.rows.values():
        row.received.setChecked(False)
    wizard.reject()
    assert drafts.open_drafts(core, people.clerk) == [] and wizard.status_message == ""


def test_prefilled_details_are_not_input_but_a_typed_one_is(qtbot, qt_app, core, people, messages,
                                                            account_id):
    wizard = make_wizard(qtbot, core, people.clerk, "stop", account_id=account_id)
    click_next(qtbot, wizard)
    tick(wizard, "owner_id_card", "property_certificate", "last_season_receipt")
    click_next(qtbot, wizard)
    assert wizard.details_page.prefilled                                     # the phone, the season
    for row in wizard.documents_page.rows.values():
        row.received.setChecked(False)
    assert not wizard.has_input()
    wizard.details_page.set_raw("reason", "房屋空置")
    assert wizard.has_input()
    wizard.reject()
    [draft] = drafts.open_drafts(core, people.clerk)
    assert draft.data["details"]["fields"]["reason"] == "房屋空置" and wizard.status_message == DRAFT_KEPT


def test_a_resumed_draft_stays_when_cancelled_and_is_discarded_from_the_list(qtbot, qt_app, core, people,
                                                                             messages, account_id):
    did = drafts.save(core, people.clerk, "stop", {"page": 0, "customer": {"account_id": account_id}},
                      title="停热申请 张伟")
    wizard = make_wizard(qtbot, core, people.clerk, "stop", draft_id=did)
    wizard.reject()
    assert [d.id for d in drafts.open_drafts(core, people.clerk)] == [did]
    dialog = DraftsDialog(core, people.clerk, lambda kind, draft: None)
    qtbot.addWidget(dialog)
    dialog.show()
    messages.answer = QMessageBox.StandardButton.Yes
    dialog.discard_button.click()
    assert drafts.open_drafts(core, people.clerk) == [] and dialog.empty.isVisible()


# -- the checklist explains each document ---------------------------------------------------

def test_the_checklist_tooltip_explains_the_document(qtbot, qt_app, core, people, messages, account_id):
    wizard = make_wizard(qtbot, core, people.clerk, "stop", account_id=account_id)
    click_next(qtbot, wizard)
    for code, row in wizard.documents_page.rows.items():
        tip = row.received.toolTip()
        assert tip == row.spec.description and tip != row.spec.name, code
    assert "欠费" in wizard.documents_page.rows["last_season_receipt"].received.toolTip()


# -- a drop-down asks to be chosen ------------------------------------------------------------

def test_an_empty_drop_down_says_choose(qtbot, qt_app, core, people, messages, account_id):
    wizard = make_wizard(qtbot, core, people.clerk, "stop", account_id=account_id)
    click_next(qtbot, wizard)
    tick(wizard, "owner_id_card", "property_certificate", "last_season_receipt")
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)                                               # no reason chosen
    assert wizard.currentId() == DETAILS
    assert error_at(wizard.details_page, "reason") == "请选择停热原因"


# -- a change of name needs its proof -------------------------------------------------------

def test_a_change_of_name_without_its_proof_is_missing_a_document(qtbot, qt_app, core, people, messages,
                                                                  account_id):
    wizard = make_wizard(qtbot, core, people.clerk, "change_name", account_id=account_id)
    click_next(qtbot, wizard)
    tick(wizard, "owner_id_card", "property_certificate")
    page = wizard.documents_page
    assert "更名证明材料" in page.missing_label.text() and page.waive_button.isEnabled()
    assert "更名的依据" in page.rows["name_change_proof"].received.toolTip()
    tick(wizard, "name_change_proof")
    assert "已齐全" in page.missing_label.text()
