"""Logging an entry in the feedback book (意见簿), or correcting one.

Article 18: on receipt, thank the customer, record the details and forward at
once to the responsible department.  For a complaint the standard's complaint
phrases (article 8) are shown beside the form for the clerk to say."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.core import Actor, Core
from counter_app.domain import phrases
from counter_app.domain.enums import Channel, FeedbackKind
from ui.actions import shortcut
from ui.bridge import Operations
from ui.feedback.common import deadline_words, department_combo, department_names, phrase_panel
from ui.operations import feedback as ops_feedback, new_token
from ui.operations.accounts import AccountView
from ui.operations.feedback import EntryForm, FeedbackInput, FeedbackView
from ui.widgets import FieldForm


def _choice(parent: QWidget, members: list) -> QComboBox:
    combo = QComboBox(parent)
    for member in members:
        combo.addItem(member.label, member.value)  # Qt keeps a StrEnum as plain str
    return combo


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(getattr(value, "value", value))
    if index >= 0:
        combo.setCurrentIndex(index)


class FeedbackDialog(QDialog):
    """A new entry (``corrects=None``) or the correction of entry ``corrects``.

    Opened non-blocking with ``.open()``; ``saved`` carries the new entry's id.
    A new entry is logged with the token the dialog made when it opened: a
    double Enter, or 核对 after an uncertain commit, logs it once."""

    saved = Signal(int)

    def __init__(self, core: Core, actor: Actor, parent: QWidget | None = None,
                 account_id: int | None = None, *, corrects: int | None = None) -> None:
        super().__init__(parent)
        self.core, self.actor = core, actor
        self.account_id = account_id
        self.corrects = corrects
        self.original: FeedbackView | None = None
        self.saved_id: int | None = None
        self.ops = Operations(self)
        self.token = new_token()
        ok, opened = ops_feedback.entry_form(self.ops, core, corrects=corrects,
                                             account_id=account_id if corrects is None else None)
        self.opened: EntryForm | None = opened if ok else None
        self._build()
        if self.opened is not None:
            self.set_departments(list(self.opened.departments))
        if self.opened is not None and self.opened.original is not None:
            self._load_original(self.opened.original)
        elif self.opened is not None and self.opened.account is not None:
            self._prefill_account(self.opened.account)
        elif corrects is None:
            self.account_id = None      # the account could not be read: not linked
        self._kind_changed()
        self.kind.setFocus()

    # -- layout ------------------------------------------------------------------
    def _build(self) -> None:
        self.setWindowTitle(self.tr("登记意见 - 意见簿") if self.corrects is None
                            else self.tr("更正意见 - 意见簿"))
        outer = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setObjectName("intro")
        self.intro.setWordWrap(True)
        self.intro.setText(self.tr("受理后请感谢客户，详细记录，并立即转交责任部门（规范第十八条）。")
                           if self.corrects is None else "")
        outer.addWidget(self.intro)
        row = QHBoxLayout()
        outer.addLayout(row, 1)

        self.form = FieldForm(self)
        self.kind = self.form.add("kind", self.tr("类别(&K)："),
                                  _choice(self.form, list(FeedbackKind)))
        self.channel = self.form.add("channel", self.tr("渠道(&C)："),
                                     _choice(self.form, list(Channel)))
        self.customer = self.form.add("customer_name", self.tr("客户姓名(&N)："), QLineEdit(self.form),
                                      self.tr("匿名可不填"))
        self.contact = self.form.add("contact", self.tr("联系电话(&P)："), QLineEdit(self.form),
                                     self.tr("手机号或带区号的固定电话"))
        self.text = QTextEdit(self.form)
        self.text.setAcceptRichText(False)
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("客户反映的事情、地点、时间，尽量记录详细"))
        self.text.setMinimumHeight(110)
        self.form.add("text", self.tr("意见内容(&T)："), self.text)
        self.department = self.form.add("department", self.tr("转交部门(&D)："),
                                        department_combo(self.form, department_names()),
                                        self.tr("受理后立即转交的责任部门，可暂不填"))
        self.form.setMinimumWidth(420)
        left = QVBoxLayout()
        left.addWidget(self.form, 1)
        self.deadline = QLabel(self)
        self.deadline.setObjectName("deadline_preview")
        self.deadline.setWordWrap(True)
        self.deadline.setStyleSheet("background:#fff8e1; border:1px solid #f0d890; padding:6px;")
        left.addWidget(self.deadline)
        row.addLayout(left, 3)

        side = QVBoxLayout()
        self.complaint_phrases = phrase_panel(self, self.tr("投诉接待用语（请对客户说）"),
                                              phrases.COMPLAINT, "complaint_phrases")
        self.complaint_phrases.setMinimumWidth(260)
        side.addWidget(self.complaint_phrases)
        self.thanks_phrases = phrase_panel(self, self.tr("致谢用语（请对客户说）"),
                                           (phrases.APOLOGY[-1], phrases.FAREWELL), "thanks_phrases")
        self.thanks_phrases.setMinimumWidth(260)
        side.addWidget(self.thanks_phrases)
        side.addStretch(1)
        row.addLayout(side, 2)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("登记(&S)") if self.corrects is None else self.tr("保存更正(&S)"))
        self.ok_button.setToolTip(self.tr("保存 (Ctrl+Enter)"))
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        shortcut(self, "submit", self.save)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        for first, second in ((self.kind, self.channel), (self.channel, self.customer),
                              (self.customer, self.contact), (self.contact, self.text),
                              (self.text, self.department), (self.department, self.ok_button)):
            self.setTabOrder(first, second)
        self.resize(820, 480)

    # -- prefill -----------------------------------------------------------------------
    def _prefill_account(self, view: AccountView) -> None:
        self.customer.setText(view.holder_name)
        self.contact.setText(view.phone or view.phone2)
        self.intro.setText(self.intro.text() + "\n" + self.tr("客户：户号 {0}　{1}　{2}").format(
            view.account_no, view.holder_name, view.address))

    def _load_original(self, view: FeedbackView) -> None:
        self.original = view
        self.account_id = view.account_id
        _select(self.kind, view.kind)
        _select(self.channel, view.channel)
        self.customer.setText(view.customer_name)
        self.contact.setText(view.contact)
        self.text.setPlainText(view.text)
        self.department.setCurrentText(view.department)
        notes = [self.tr("更正意见 {0}：保存后列表显示更正后的新记录，原记录保留备查，不会删除。")
                 .format(view.number)]
        if view.replied_at is not None or view.followup_result:
            notes.append(self.tr("原记录的登记时间、答复期限、答复和回访都带到新记录。"))
        else:
            notes.append(self.tr("原记录的登记时间和答复期限带到新记录。"))
        self.intro.setText("\n".join(notes))
        self.setWindowTitle(self.tr("更正意见 {0} - 意见簿").format(view.number))

    def set_departments(self, names: list[str]) -> None:
        current = self.department.currentText()
        self.department.clear()
        self.department.addItem("")
        self.department.addItems(department_names(names))
        self.department.setCurrentText(current)

    # -- kind: phrases and deadline ---------------------------------------------------------
    def current_kind(self) -> FeedbackKind:
        return FeedbackKind(self.kind.currentData())

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        self.complaint_phrases.setVisible(kind is FeedbackKind.COMPLAINT)
        self.thanks_phrases.setVisible(kind is not FeedbackKind.COMPLAINT)
        opened = self.opened
        if opened is None:
            self.deadline.setText("")
            return
        original = opened.original
        received = self.core.local(original.received_at).date() if original is not None else None
        self.deadline.setText(deadline_words(kind, opened.deadlines.get(kind), opened.reply_days.get(kind),
                                             original, received))

    # -- saving -------------------------------------------------------------------------
    def data(self) -> FeedbackInput:
        return FeedbackInput(kind=self.current_kind(), channel=Channel(self.channel.currentData()),
                             text=self.text.toPlainText(), customer_name=self.customer.text(),
                             contact=self.contact.text(), account_id=self.account_id,
                             department=self.department.currentText())

    def save(self) -> None:
        self.form.clear_errors()
        if self.corrects is None:
            ok, view = ops_feedback.log(self.ops, self.core, self.actor, self.data(), token=self.token,
                                        on_field_error=self.form.handle)
        else:
            ok, view = ops_feedback.correct(self.ops, self.core, self.actor, self.corrects, self.data(),
                                            on_field_error=self.form.handle)
        if not ok:
            return
        self.saved_id = view.id
        self.saved.emit(view.id)
        self._confirm(view)
        self.accept()

    def _confirm(self, view: FeedbackView) -> None:
        """Tell the clerk the number to give the customer (non-blocking)."""
        text = (self.tr("已登记意见 {0}。").format(view.number) if self.original is None else
                self.tr("已更正：新记录 {0}，原记录 {1} 保留备查。").format(view.number,
                                                                          self.original.number))
        if view.reply_deadline:
            text += self.tr("请告诉客户：我们会在 {0} 前给您答复。").format(f"{view.reply_deadline:%Y-%m-%d}")
        text += "\n" + self.tr("请感谢客户：感谢您多提宝贵意见。")
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("已登记"), text,
                          QMessageBox.StandardButton.Ok, self.parentWidget())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("feedback_saved")
        self.confirmation = box
        box.open()
