"""Pieces shared by the feedback book's window and dialogs: the department
choice, the status words, the phrase panel and the deadline preview."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from counter_app.core import Core
from counter_app.domain.enums import FeedbackKind
from counter_app.workdays import Deadline

if TYPE_CHECKING:
    from ui.operations.feedback import FeedbackView

# the departments a clerk usually forwards to (article 18); the list adds those in use
DEPARTMENTS = ("客服部", "运行部", "维修班", "稽查部", "收费部")
DUE_SOON_DAYS = 2
OVERDUE_COLOR = "#c62828"
DUE_SOON_COLOR = "#e65100"
PHRASE_STYLE = "QGroupBox { background:#eef6ee; border:1px solid #b9d8b9; border-radius:4px;" \
               " margin-top:1.2em; padding:6px; } QGroupBox::title { subcontrol-origin: margin;" \
               " left:8px; padding:0 4px; }"


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files plain tr("...") calls here


def department_names(extra: Iterable[str] = ()) -> list[str]:
    """The usual departments first, then any other in use, without repeats."""
    names = list(DEPARTMENTS)
    for name in extra:
        name = (name or "").strip()
        if name and name not in names:
            names.append(name)
    return names


def department_combo(parent: QWidget, names: Sequence[str], current: str = "") -> QComboBox:
    """An editable choice of department: pick one or type another."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setMinimumContentsLength(12)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.addItem("")
    combo.addItems(list(names))
    combo.setCurrentText(current)
    combo.lineEdit().setPlaceholderText(tr("选择或输入部门"))
    return combo


def status_text(view: FeedbackView) -> str:
    if view.followup_result:
        return tr("已回访")
    if view.replied_at is not None:
        return tr("已答复")
    return tr("待答复")


def due_soon(view: FeedbackView, today: dt.date) -> bool:
    return bool(view.reply_deadline and view.replied_at is None and not view.overdue
                and view.reply_deadline <= today + dt.timedelta(days=DUE_SOON_DAYS))


def deadline_color(view: FeedbackView, today: dt.date) -> str | None:
    if view.overdue:
        return OVERDUE_COLOR
    if due_soon(view, today):
        return DUE_SOON_COLOR
    return None


def summary(text: str, length: int = 30) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= length else one_line[:length - 1] + "…"


def local_time(core: Core, moment: dt.datetime | None) -> str:
    return core.local(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def deadline_words(kind: FeedbackKind, deadline: Deadline | None, days: int | None,
                   original: FeedbackView | None = None, received: dt.date | None = None) -> str:
    """What the new-entry (or correction) dialog says about the reply deadline:
    the date saving stores, as the core computed it (``EntryForm.deadlines``).
    A correction names where its date comes from: the original's own deadline,
    or the original's day of receipt (``received``) when the kind changes."""
    if deadline is None:
        return tr("答复期限：{0}不设答复期限；如客户需要，也可以答复和回访。").format(kind.label)
    due = f"{deadline.due:%Y-%m-%d}"
    if original is not None and original.kind is kind and original.reply_deadline == deadline.due:
        text = tr("答复期限：沿用原记录 {0} 的期限，即 {1} 前答复客户。").format(original.number, due)
        if original.overdue:
            text += tr("该期限已过，答复时须填写超期原因。")
    elif original is not None and received is not None:
        words = tr("答复期限：{0}须在 {1} 个工作日内答复，从原记录的受理日 {2} 起算，即 {3} 前答复客户。")
        text = words.format(kind.label, days, f"{received:%Y-%m-%d}", due)
    else:
        text = tr("答复期限：{0}须在 {1} 个工作日内答复，即 {2} 前答复客户。").format(kind.label, days, due)
    warning = deadline.warning
    return text + ("\n" + warning if warning else "")


def phrase_panel(parent: QWidget, title: str, lines: Iterable[str], name: str) -> QGroupBox:
    """A side panel of the standard's civil phrases for the clerk to say."""
    box = QGroupBox(title, parent)
    box.setObjectName(name)
    box.setStyleSheet(PHRASE_STYLE)
    column = QVBoxLayout(box)
    for line in lines:
        label = QLabel("• " + line, box)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(label)
    column.addStretch(1)
    return box
