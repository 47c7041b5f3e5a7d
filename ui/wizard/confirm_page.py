"""Page 5: everything at a glance before the business is registered."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLabel, QTextBrowser, QWizard

from counter_app.domain import phrases
from ui.wizard.base import WizardPage
from ui.wizard.waiver import group_name


def table_html(title: str, rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><td style='color:#555; padding-right:12px'>{escape(k)}</td>"
                    f"<td>{escape(v)}</td></tr>" for k, v in rows)
    return f"<h3>{escape(title)}</h3><table>{cells}</table>"


class ConfirmPage(WizardPage):
    def __init__(self, wizard) -> None:  # noqa: ANN001
        super().__init__(wizard)
        self.setTitle(self.tr("第5步：确认"))
        self.setSubTitle(self.tr("请与客户核对以下内容，无误后按“确认办理”登记。"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("确认办理(&S)"))
        self.summary = QTextBrowser(self)
        self.summary.setObjectName("summary")
        self.summary.setTabChangesFocus(True)
        self.body.addWidget(self.summary, 1)
        self.outcome = QLabel(self)
        self.outcome.setObjectName("outcome")
        self.outcome.setWordWrap(True)
        self.outcome.setStyleSheet("font-weight: bold;")
        self.body.addWidget(self.outcome)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        w = self.wiz
        parts = [table_html(self.tr("客户"), w.customer_page.summary()),
                 table_html(self.tr("材料"), w.documents_page.summary())]
        waivers = w.documents_page.active_waivers()
        if waivers:
            parts.append(table_html(self.tr("值班长批准免交"), [
                (v.name, f"{v.supervisor.display_name}：{v.reason}") for v in waivers.values()]))
        parts.append(table_html(self.tr("业务信息"), w.details_page.summary()))
        if self.kind.fees:
            parts.append(table_html(self.tr("收费项目"), w.fees_page.summary()))
        self.summary.setHtml("".join(parts))
        self.outcome.setText(self.outcome_text())
        self.outcome.setStyleSheet("font-weight: bold;" + ("color: #b00020;"
                                   if w.documents_page.missing() else ""))

    def outcome_text(self) -> str:
        missing = self.wiz.documents_page.missing()
        if missing:
            return self.tr(
                "材料不全（缺：{0}）：确认后业务转为“待补材料”，请向客户出具一次性告知单。").format(
                "；".join(group_name(g) for g in missing))
        if self.wiz.accept_needs_approval():
            return self.tr("材料齐全：确认后即受理，并送值班长审批。")
        return self.tr("材料齐全：确认后即受理。")

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        return self.wiz.submit()

    def farewell(self) -> str:
        return phrases.FAREWELL
