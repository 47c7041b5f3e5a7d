"""The main window's actions: each holds the very method it calls (a renamed
method fails when the window is built, not when a clerk picks the menu entry),
each one triggers without an error, and a shortcut means one thing."""

from __future__ import annotations

from functools import partial

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

from counter_app.domain.enums import Channel, FeedbackKind
from counter_app.services import accounts, feedback
from counter_app.services.feedback import FeedbackInput
from tests.helpers import account_input
from tests.test_requests import residential_application


def bound_to(handler: object) -> object:
    """What a bound method (or a partial of one) is bound to."""
    target = handler.func if isinstance(handler, partial) else handler
    return target.__self__


def test_every_action_holds_a_method_of_its_window(main_window):
    specs = main_window.registry.specs
    assert {s.id for s in specs} == set(main_window.registry.actions)
    for spec in specs:
        assert callable(spec.handler), spec.id
        assert bound_to(spec.handler) is main_window, spec.id
    business = [s for s in specs if s.id.startswith("business_")]
    assert {s.handler.args for s in business} == {(k,) for k in main_window.core.catalogue.kinds}


def test_no_two_actions_share_a_shortcut(main_window):
    keys = [key.toString(QKeySequence.SequenceFormat.PortableText)
            for action in main_window.registry.actions.values() for key in action.shortcuts()]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    # nor one of the window's own (Esc in the lookup field: the next visitor)
    own = {s.key().toString(QKeySequence.SequenceFormat.PortableText)
           for s in main_window.findChildren(QShortcut)}
    assert own and not own & set(keys)


# the actions that hand the counter over or close it: tested with the lock (test_ui_login_lock)
LEAVING = ("lock", "switch_clerk", "log_out", "quit")


def opened_windows(main_window) -> list:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not main_window]


def test_every_action_triggers_without_an_error(main_window, core, people, messages, qtbot):
    """As the administrator (every action shown), with an account selected that has a
    request open: each action does its thing, and what it opened closes again."""
    rid = residential_application(core, people.clerk)
    accounts.register_account(core, people.clerk, account_input(2))
    feedback.log(core, people.clerk, FeedbackInput(kind=FeedbackKind.SUGGESTION, channel=Channel.COUNTER,
                                                   text="大厅里多放几把椅子"))
    main_window.set_actor(people.admin)
    triggered = []
    for spec in main_window.registry.specs:
        action = main_window.registry[spec.id]
        assert action.isVisible() and action.isEnabled(), spec.id
        if spec.id in LEAVING:
            continue
        main_window.lookup.setText("100100001")        # next_visitor clears it
        main_window.search()
        assert main_window.account_id is not None and main_window.open_list.count() == 1
        action.trigger()
        triggered.append(spec.id)
        if spec.id == "arrears":
            qtbot.waitUntil(lambda: main_window.arrears_window.loaded)
        if spec.id == "open_request":
            assert main_window.request_dialog.request_id == rid
        assert messages.texts == [], (spec.id, messages.texts)
        for window in opened_windows(main_window):
            window.close()
        assert opened_windows(main_window) == [], spec.id
    # the lock: only the administrator's password gives the counter back
    main_window.registry["lock"].trigger()
    assert main_window.lock.locked
    dialog = main_window.lock.dialog
    dialog.password.setText("admin-pass")
    dialog.try_login()
    assert not main_window.lock.locked and main_window.centralWidget().isVisible()
    main_window.registry["quit"].trigger()
    assert not main_window.isVisible()
    assert len(triggered) == len(main_window.registry.specs) - len(LEAVING)
