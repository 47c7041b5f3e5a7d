"""The Qt binding the application runs on does not lose references.

PySide6 6.12.0 on Python 3.11 dropped a reference to None on every table cell
set; a counter that refreshed a 500-row queue a dozen times aborted with
"deallocating None".  pyproject.toml keeps that release out; this test fails
if a binding with the same fault is installed."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem


def test_filling_tables_keeps_the_reference_counts_of_none_and_bools(qapp):
    table = QTableWidget(20, 10)
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(20):
        for r in range(20):
            for c in range(10):
                item = QTableWidgetItem("x")
                item.setData(Qt.ItemDataRole.UserRole, r)
                table.setItem(r, c, item)
    after = sys.getrefcount(None), sys.getrefcount(True)
    table.deleteLater()
    assert after[0] > before[0] - 1000 and after[1] > before[1] - 1000, (before, after)
