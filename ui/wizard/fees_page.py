"""Page 4: the fees of the business, as the published schedule states them
(article 9: tell the customer every fee item and its standard; article 5: a
clerk cannot invent a fee).  Each of the kind's fee items shows the standard of
the current season's schedule, or its amount when the schedule lists the item
(e.g. a valve-sealing fee).  A settlement shows the account's statement: what
is owed and why.  Payment is taken after confirming, with 收费 (F7)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHeaderView, QLabel, QVBoxLayout

from counter_app.domain.enums import HeatingForm, UserClass
from counter_app.domain.money import BP, Statement, round_fen, yuan
from counter_app.domain.settlement import percent, permille
from counter_app.errors import ValidationError
from counter_app.validation import parse_area
from ui.cash.common import fit_rows
from ui.operations import requests as ops_requests
from ui.widgets import fill_table, make_table
from ui.wizard.base import WizardPage

if TYPE_CHECKING:
    from counter_app.services.fees import ScheduleView
    from ui.wizard.wizard import BusinessWizard


class FeesPage(WizardPage):
    def __init__(self, wizard: BusinessWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("第4步：收费项目"))
        self.setSubTitle(self.tr("按服务规范向客户说明本业务的各项收费项目和收费标准。"))
        self.schedule: ScheduleView | None = None
        self.statement: Statement | None = None
        self.standards: list[str] = [self.tr("按收费标准计算")] * len(self.kind.fees)
        self.basis = QLabel(self)
        self.basis.setObjectName("schedule_basis")
        self.basis.setWordWrap(True)
        self.basis.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.basis)
        self.table = make_table(self, [self.tr("序号"), self.tr("收费项目"), self.tr("金额或标准")])
        self.table.setObjectName("fee_items")
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.body.addWidget(self.table)
        self.statement_box = QGroupBox(self.tr("本户应缴（截至今天）"), self)
        self.statement_box.setObjectName("statement_box")
        column = QVBoxLayout(self.statement_box)
        self.lines = make_table(self.statement_box, [self.tr("项目"), self.tr("金额（元）")])
        self.lines.setObjectName("statement")
        self.lines.horizontalHeader().setStretchLastSection(False)
        self.lines.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        column.addWidget(self.lines)
        self.due = QLabel(self.statement_box)
        self.due.setObjectName("statement_due")
        self.due.setStyleSheet("font-weight:bold;")
        self.due.setAlignment(Qt.AlignmentFlag.AlignRight)
        column.addWidget(self.due)
        self.statement_box.hide()
        self.body.addWidget(self.statement_box)
        self.body.addStretch(1)
        self.note = QLabel(self)
        self.note.setObjectName("fee_note")
        self.note.setWordWrap(True)
        self.body.addWidget(self.note)
        self.table.setVisible(bool(self.kind.fees))
        self._fill()
        self.note.setText(self.tr("本业务不收取费用。") if not self.kind.fees else "")

    # -- what the customer page knows -------------------------------------------------------
    def _class_form_area(self) -> tuple[UserClass | None, HeatingForm | None, Decimal | None]:
        customer = self.wiz.customer_page
        account = customer.account()
        if account is not None:
            return account.user_class, account.heating_form, account.area
        data = customer.new_account()
        if data is None:
            return None, None, None
        try:
            user_class, form = UserClass.parse(data.user_class), HeatingForm.parse(data.heating_form)
        except ValueError:
            user_class, form = None, None
        try:
            area = parse_area(data.area)
        except ValidationError:
            area = None
        return user_class, form, area

    # -- the standards ---------------------------------------------------------------------------
    def standard(self, code: str) -> str:
        s = self.schedule
        if s is None:
            return self.tr("按收费标准计算")
        item = next((i for i in s.items if i.code == code), None)
        if item is not None:
            return self.tr("{0} 元").format(yuan(item.amount_fen))
        user_class, form, area = self._class_form_area()
        price = s.prices.get((user_class, form)) if user_class and form else None
        season_fee = round_fen(Fraction(price) * Fraction(area)) if price and area else None
        if code == "heating_fee":
            if price is None:
                return "；".join(self.tr("{0}{1} {2} 元/平方米·采暖期").format(c.label, f.label, yuan(p))
                                for (c, f), p in s.prices.items())
            text = self.tr("{0}{1} {2} 元/平方米·采暖期，按供热面积和供热天数计").format(
                user_class.label, form.label, yuan(price))
            if season_fee is not None:
                text += self.tr("（{0}㎡ 整季 {1} 元）").format(area, yuan(season_fee))
            return text
        if code == "basic_fee":
            text = self.tr("停热期间按热费的 {0}% 收取").format(percent(s.basic_fee_bp))
            if season_fee is not None:
                text += self.tr("（整季停热 {0} 元）").format(
                    yuan(round_fen(Fraction(season_fee * s.basic_fee_bp, BP))))
            return text
        if code == "late_fee":
            return self.tr("{0} 后逾期未交的，每日按欠费的 {1}‰ 加收").format(
                f"{s.due_date:%Y-%m-%d}", permille(s.late_fee_ppm_per_day))
        return self.tr("收费标准未列出此项金额，按核定方案另行告知")

    def _fill(self) -> None:
        self.standards = [self.standard(fee.code) for fee in self.kind.fees]
        fill_table(self.table, ([n, fee.label, text] for n, (fee, text)
                                in enumerate(zip(self.kind.fees, self.standards, strict=True), start=1)),
                   (fee.code for fee in self.kind.fees))
        for r in range(self.table.rowCount()):
            self.table.item(r, 2).setToolTip(self.table.item(r, 2).text())
        fit_rows(self.table, least=1, most=10)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.refresh()

    def refresh(self) -> None:
        """One read: the season's schedule, and a settlement's statement."""
        account = self.wiz.customer_page.account()
        ok, notice = ops_requests.fee_notice(self.wiz.ops, self.core, self.kind.kind,
                                             account.id if account else None)
        self.schedule = schedule = notice.schedule if ok else None
        self.statement = notice.statement if ok else None
        if self.kind.fees:
            if ok and schedule is None:
                self.basis.setText(self.tr("本采暖季收费标准尚未发布（{0}采暖季），金额待收费标准发布后按标准计算。")
                                   .format(notice.season))
                self.basis.setStyleSheet("color:#c45a00;")
            elif schedule is not None:
                self.basis.setText(self.tr("依据：{0}采暖季收费标准（第{1}版，{2}，{3}起执行）").format(
                    schedule.season, schedule.version, schedule.decree_no,
                    f"{schedule.effective_date:%Y-%m-%d}"))
                self.basis.setStyleSheet("")
        self.basis.setVisible(bool(self.kind.fees))
        self._fill()
        self._fill_statement()
        if self.kind.fees:
            self.note.setText(self.tr("收费在确认办理后进行：在主窗口按 F7 收费，收款后开具收据。"))

    def _fill_statement(self) -> None:
        """A settlement's account: what it owes and why (hidden when it could not be read)."""
        statement = self.statement
        self.statement_box.setVisible(statement is not None)
        if statement is None:
            return
        fill_table(self.lines, ([x.label, yuan(x.amount_fen)] for x in statement.lines))
        for r in range(self.lines.rowCount()):
            self.lines.item(r, 1).setTextAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        fit_rows(self.lines, least=1, most=10)
        self.due.setText(self.tr("应缴合计：{0} 元").format(yuan(statement.due_fen)) if statement.lines
                         else self.tr("该户目前没有已出账未结清的热费"))

    def summary(self) -> list[tuple[str, str]]:
        # a standard per fee of the kind: both lists are made from kind.fees
        rows = [(fee.label, text) for fee, text in zip(self.kind.fees, self.standards, strict=True)]
        if self.statement is not None and self.statement.lines:
            rows.append((self.tr("本户应缴合计"), self.tr("{0} 元").format(yuan(self.statement.due_fen))))
        return rows
