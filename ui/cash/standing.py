"""The account's standing where an account is chosen - the customer panel of
the main window and the first page of every business wizard: what a full
payment is today, what is past due and for which seasons, and which businesses
the arrears stop.  The core decides all of it (services.cashdesk.standing_in);
this only says it, in red when something is past due."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ui.cash.common import BANNER_STYLE, GREEN, money, tr
from ui.operations.payments import Standing

OVERDUE_STYLE = "background:#fde8ea; color:#8a0016; padding:6px; border-radius:4px;"


def standing_text(standing: Standing) -> str:
    """The standing in one or more lines, as the clerk reads it to the customer."""
    owing = standing.arrears
    if standing.overdue:
        lines = [tr("欠费：{0} 采暖季，共 {1}").format("、".join(owing.seasons), money(owing.owed_fen))]
        if owing.late_fee_fen:
            lines[0] += tr("（含滞纳金 {0}）").format(money(owing.late_fee_fen))
        lines.append(tr("今日应缴合计：{0}").format(money(standing.due_fen)))
        if standing.blocked:
            lines.append(tr("欠费结清前不能办理：{0}。请先收费 (F7)。").format("、".join(standing.blocked)))
        return "\n".join(lines)
    if standing.due_fen > 0:
        return tr("应缴：{0}（尚未逾期）").format(money(standing.due_fen))
    if standing.due_fen < 0:
        return tr("无欠费，预交/多交余额 {0}").format(money(-standing.due_fen))
    return tr("无欠费")


class StandingLabel(QLabel):
    """Shows a Standing (or nothing, when no account is chosen)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("standing")
        self.setWordWrap(True)
        self.standing: Standing | None = None
        self.show_standing(None)

    def show_standing(self, standing: Standing | None) -> None:
        self.standing = standing
        if standing is None:
            self.clear()
            self.hide()
            return
        self.setText(standing_text(standing))
        if standing.overdue:
            self.setStyleSheet(OVERDUE_STYLE)
        elif standing.due_fen > 0:
            self.setStyleSheet(BANNER_STYLE)
        else:
            self.setStyleSheet(f"color:{GREEN}; padding:6px;")
        self.show()
