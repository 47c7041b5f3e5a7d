"""The shared list setup (ui.widgets.make_table): an empty list keeps readable
columns, a filled one still fits its contents."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.requests import SupervisorQueue
from ui.widgets import fill_table, make_table

DATE = "2025-11-27"


def widths(table) -> list[int]:
    header = table.horizontalHeader()
    return [header.sectionSize(c) for c in range(table.columnCount())]


def test_an_empty_list_has_columns_a_date_fits_in(qtbot, qt_app):
    host = QWidget()
    qtbot.addWidget(host)
    table = make_table(host, ["户号", "状态", "面积(㎡)", "说明"])
    table.resize(700, 200)
    host.show()
    room = table.fontMetrics().horizontalAdvance(DATE) + 16
    assert all(width >= room for width in widths(table)[:-1]), widths(table)
    fill_table(table, [["100100001", "供热中", "85.50", "幸福小区3号楼2单元301室，长期外出，房屋空置"]])
    qt_app.processEvents()
    assert widths(table)[0] >= table.fontMetrics().horizontalAdvance("100100001")   # still fits contents


def test_the_empty_queue_is_not_squashed(qtbot, qt_app, core, people, messages):
    queue = SupervisorQueue(core, people.supervisor, lambda _rid: None)
    qtbot.addWidget(queue)
    queue.show()
    assert queue.approvals.rowCount() == 0 and queue.overdue.rowCount() == 0
    room = queue.fontMetrics().horizontalAdvance(DATE) + 16
    for table in (queue.approvals, queue.overdue):
        assert min(widths(table)) >= room, widths(table)
