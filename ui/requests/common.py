"""Small pure helpers of the request windows: how a deadline reads, what a
timeline step is called, how a moment is shown in the hall's zone."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from counter_app.core import Core
from counter_app.domain import workflow
from counter_app.domain.enums import EventType

if TYPE_CHECKING:
    from ui.operations.requests import RequestView

RED = "#b00020"
ORANGE = "#c45a00"
GREY = "#555555"
WARNING_STYLE = "background:#fff4e0; color:#7a4b00; padding:4px; border-radius:3px;"
PHRASE_STYLE = "background:#eef6ee; padding:6px; border-radius:4px;"

# background of the timeline's step column, one per part of article 7
EVENT_COLOURS = {
    EventType.RECORD: "#eef3fb",
    EventType.INSTRUCTION: "#fdf6e3",
    EventType.RESPONSE: "#eef6ee",
    EventType.RESULT: "#f3eefb",
}


# timeline actions that are not steps of a status machine
def _extra_labels() -> dict[str, str]:
    return {
        "receive": QCoreApplication.translate("RequestView", "登记"),
        "handover": QCoreApplication.translate("RequestView", "移交"),
        "waive_document": QCoreApplication.translate("RequestView", "批准免交材料"),
        "explain_delay": QCoreApplication.translate("RequestView", "说明超期原因"),
        "redate_deadline": QCoreApplication.translate("RequestView", "重新核定期限"),
    }


def action_label(kind_workflow: str, action: str) -> str:
    extra = _extra_labels()
    if action in extra:
        return extra[action]
    step = workflow.find(kind_workflow, action)
    return step.label if step else ""


def local_text(core: Core, moment: dt.datetime | None) -> str:
    return core.local(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


@dataclass(frozen=True)
class DeadlineText:
    text: str
    colour: str   # "" for the ordinary colour
    overdue: bool


def deadline_text(view: RequestView) -> DeadlineText:
    """“剩余 N 个工作日” / “今天到期” / “已超期 N 个工作日”, red when overdue and
    orange on the last day or the day before."""
    if view.deadline is None:
        return DeadlineText(QCoreApplication.translate("RequestView", "无办理期限"), GREY, False)
    due = view.deadline.isoformat()
    left = view.days_left if view.days_left is not None else 0
    if view.overdue:
        if left < 0:
            text = QCoreApplication.translate("RequestView", "{0}　已超期 {1} 个工作日").format(due, -left)
        else:  # late by a weekend or holiday only
            text = QCoreApplication.translate("RequestView", "{0}　已超期").format(due)
        return DeadlineText(text, RED, True)
    if left == 0:
        text = QCoreApplication.translate("RequestView", "{0}　今天到期").format(due)
        return DeadlineText(text, ORANGE, False)
    text = QCoreApplication.translate("RequestView", "{0}　剩余 {1} 个工作日").format(due, left)
    return DeadlineText(text, ORANGE if left <= 1 else "", False)


def label_style(colour: str) -> str:
    return f"color:{colour}; font-weight:bold;" if colour else ""

