"""The main window's status bar keeps who is at the counter and the day in view,
whatever message is shown there and after it is gone."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def permanent_texts(window) -> list[str]:
    bar = window.statusBar()
    return [label.text() for label in bar.findChildren(QLabel) if label.isVisible()
            and label.objectName().startswith("status_")]


def test_the_clerk_and_the_day_outlast_every_message(main_window, qtbot):
    bar = main_window.statusBar()
    assert permanent_texts(main_window) == ["营业员 李营业员", "2025-11-20"]
    bar.showMessage("已保存为草稿，可在“我的草稿”中继续", 15000)
    assert bar.currentMessage().startswith("已保存为草稿")
    assert permanent_texts(main_window) == ["营业员 李营业员", "2025-11-20"]
    bar.clearMessage()                                    # the message's time is up
    assert permanent_texts(main_window) == ["营业员 李营业员", "2025-11-20"]


def test_a_takeover_changes_the_name_in_place(main_window, people):
    main_window.set_actor(people.supervisor)
    assert permanent_texts(main_window) == ["值班长 王值班长", "2025-11-20"]
    assert len(main_window.statusBar().findChildren(QLabel, "status_clerk")) == 1
