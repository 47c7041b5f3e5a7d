"""ui.operations.follow: a window refreshes when a change concerns it - at once
while visible, once when next shown while hidden, never for other changes."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.operations import Changes, announce, follow


def test_a_window_follows_only_the_changes_that_concern_it(qtbot, qapp):
    window = QWidget()
    qtbot.addWidget(window)
    refreshed: list[int] = []
    follow(window, lambda c: 7 in c.requests, lambda: refreshed.append(1))
    window.show()
    announce(Changes.of(requests=[8]))
    assert refreshed == []
    announce(Changes.of(requests=[7]))
    assert refreshed == [1]
    window.hide()
    announce(Changes.of(requests=[7]))
    announce(Changes.of(requests=[7]))
    assert refreshed == [1]                 # hidden: nothing read
    window.show()
    assert refreshed == [1, 1]              # shown again: read once
    window.hide()
    window.show()
    assert refreshed == [1, 1]
