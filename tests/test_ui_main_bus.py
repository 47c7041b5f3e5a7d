"""The main window follows the change bus: a change made in any window to the
account it shows refreshes its customer panel, with no activation or close hook."""

from __future__ import annotations

from PySide6.QtCore import Qt

from counter_app.services import accounts, requests
from tests.helpers import account_input, sample_fields
from ui.operations import Changes, announce


def test_the_customer_panel_follows_changes_to_its_account(main_window, core, people, qtbot):
    account_id = accounts.register_account(core, people.clerk, account_input(1))
    other = accounts.register_account(core, people.clerk, account_input(2))
    qtbot.keyClicks(main_window.lookup, "100100001")
    qtbot.keyClick(main_window.lookup, Qt.Key.Key_Return)
    assert main_window.account_id == account_id and main_window.open_list.count() == 0

    kind = core.catalogue.get("change_area")
    rid = requests.receive(core, people.clerk, kind.kind, account_id=account_id,
                           fields=sample_fields(kind))
    announce(Changes.of(accounts=[other], requests=[rid]))      # not this account: nothing to do
    assert main_window.open_list.count() == 0
    announce(Changes.of(accounts=[account_id], requests=[rid]))
    assert main_window.open_list.count() == 1
    assert main_window.open_list.item(0).data(Qt.ItemDataRole.UserRole) == rid
