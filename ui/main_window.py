"""The counter's main window: one lookup field, results, the customer panel,
and the businesses.  The focus starts in the lookup field; a barcode scanner
typing a tracking code or URL there opens that request."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from counter_app.core import Actor, Core
from counter_app.domain import phrases
from counter_app.domain.permissions import Permission
from ui.actions import ActionRegistry, ActionSpec, shortcut
from ui.bridge import Operations
from ui.cash.standing import StandingLabel
from ui.lock import ScreenLock
from ui.operations import (
    Changes,
    accounts as ops_accounts,
    settings as ops_settings,
    staff as ops_staff,
    subscribe,
)
from ui.widgets import ACCOUNT_FACTS, account_facts, fact_caption, fill_table, make_table, row_data
from ui.windows import Owned, WindowPlacement, bring_back

if TYPE_CHECKING:
    from ui.cash import PaymentDialog, PaymentHistoryDialog, ShiftDialog
    from ui.feedback import FeedbackDialog, FeedbackWindow
    from ui.fees import ArrearsWindow, ReductionDialog, ScheduleDialog, SeasonBillingDialog
    from ui.print_dialogs import CalibrationDialog, RegisterDialog
    from ui.requests import RequestDialog, SupervisorQueue
    from ui.settings import CalendarDialog, SettingsDialog
    from ui.wizard import BusinessWizard, DraftsDialog


class MainWindow(QMainWindow):
    # the windows opened from here, while they are open: each is freed when it
    # closes, and its attribute reads None again (ui.windows)
    wizard: Owned[BusinessWizard] = Owned()
    drafts_dialog: Owned[DraftsDialog] = Owned()
    request_dialog: Owned[RequestDialog] = Owned()
    feedback_window: Owned[FeedbackWindow] = Owned()
    feedback_dialog: Owned[FeedbackDialog] = Owned()
    queue_window: Owned[SupervisorQueue] = Owned()
    payment_dialog: Owned[PaymentDialog] = Owned()
    history_dialog: Owned[PaymentHistoryDialog] = Owned()
    shift_dialog: Owned[ShiftDialog] = Owned()
    reduction_dialog: Owned[ReductionDialog] = Owned()
    arrears_window: Owned[ArrearsWindow] = Owned()
    schedule_dialog: Owned[ScheduleDialog] = Owned()
    season_dialog: Owned[SeasonBillingDialog] = Owned()
    settings_dialog: Owned[SettingsDialog] = Owned()
    calendar_dialog: Owned[CalendarDialog] = Owned()
    register_dialog: Owned[RegisterDialog] = Owned()
    calibration_dialog: Owned[CalibrationDialog] = Owned()

    def __init__(self, core: Core, actor: Actor) -> None:
        super().__init__()
        self.placement = WindowPlacement(self)   # every window of the application, this one first
        self.core = core
        self.actor = actor
        self._leaving = False          # quit() asked already: the close that follows asks nothing
        self.ops = Operations(self)
        self.account_id: int | None = None
        self.setWindowTitle(self.tr("供热营业厅柜台系统"))
        self._build_central()
        # a business's key comes from ui.actions.SHORTCUTS; in the menu it is picked by its number
        specs = [ActionSpec(f"business_{k.kind}", k.name, "business", partial(self.start_business, k.kind),
                            toolbar=True, mnemonic=str(n) if n < 10 else "")
                 for n, k in enumerate(core.catalogue.kinds.values(), start=1)]
        self.registry = ActionRegistry(self, specs + self._actions(), self.tr)
        self._build_toolbar(specs)
        self.settings = self._read_settings()
        self.lock = ScreenLock(core, self, int(self.settings["idle_lock_minutes"]), actor, self.quit)
        self.lock.unlocked.connect(self.set_actor)
        shortcut(self.lookup, "cancel", self.next_visitor)
        self.set_actor(actor)
        self.resize(1180, 720)       # on a smaller screen it opens as large as fits (ui.windows)
        self.next_visitor()
        subscribe(self, self._changed)

    def _read_settings(self) -> dict[str, Any]:
        ok, values = ops_settings.values(self.ops, self.core)
        return values if ok else {"company_name": "", "hall_name": "", "idle_lock_minutes": 10}

    def _changed(self, changes: Changes) -> None:
        """Another window changed something: the customer panel follows when it
        shows that account, the greeting and idle lock when settings changed."""
        if changes.touches_account(self.account_id):
            self._show_account(self.account_id)
        if changes.settings:
            self.reload_settings()

    def _actions(self) -> list[ActionSpec]:
        """The actions besides the businesses, each with the method it calls."""
        return [
            ActionSpec("find", QT_TRANSLATE_NOOP("MainWindow", "查找客户(&F)"), "view",
                       self.focus_lookup),
            ActionSpec("next_visitor", QT_TRANSLATE_NOOP("MainWindow", "下一位客户(&N)"), "view",
                       self.next_visitor),
            ActionSpec("open_request", QT_TRANSLATE_NOOP("MainWindow", "打开业务(&O)"), "view",
                       self.open_selected_request),
            ActionSpec("drafts", QT_TRANSLATE_NOOP("MainWindow", "我的草稿(&D)"), "view",
                       self.show_drafts),
            ActionSpec("pay", QT_TRANSLATE_NOOP("MainWindow", "收费(&P)"), "cash", self.take_payment),
            ActionSpec("payments", QT_TRANSLATE_NOOP("MainWindow", "收费记录与更正(&R)"), "cash",
                       self.show_payments),
            ActionSpec("shift", QT_TRANSLATE_NOOP("MainWindow", "开班/交班(&H)"), "cash",
                       self.show_shift),
            ActionSpec("reduction", QT_TRANSLATE_NOOP("MainWindow", "申请减免(&M)"), "cash",
                       self.request_reduction),
            ActionSpec("arrears", QT_TRANSLATE_NOOP("MainWindow", "欠费清单与催缴(&A)"), "cash",
                       self.show_arrears, permission=Permission.APPROVE_REDUCTION),
            ActionSpec("schedule", QT_TRANSLATE_NOOP("MainWindow", "收费标准(&F)"), "system",
                       self.show_schedule, permission=Permission.EDIT_FEES),
            ActionSpec("season_bills", QT_TRANSLATE_NOOP("MainWindow", "建立年度收费(&B)"), "system",
                       self.show_season_billing, permission=Permission.BILL),
            ActionSpec("feedback_log", QT_TRANSLATE_NOOP("MainWindow", "意见簿(&L)"), "feedback",
                       self.show_feedback),
            ActionSpec("feedback_new", QT_TRANSLATE_NOOP("MainWindow", "登记意见(&E)"), "feedback",
                       self.new_feedback),
            ActionSpec("queue", QT_TRANSLATE_NOOP("MainWindow", "待审批与超期(&Q)"), "supervisor",
                       self.show_queue, permission=Permission.WAIVE_DOCUMENT),
            ActionSpec("register", QT_TRANSLATE_NOOP("MainWindow", "营业日报(&R)"), "supervisor",
                       self.show_register, permission=Permission.APPROVE_CORRECTION),
            ActionSpec("calibration", QT_TRANSLATE_NOOP("MainWindow", "套打校准(&T)"), "system",
                       self.show_calibration),
            ActionSpec("settings", QT_TRANSLATE_NOOP("MainWindow", "系统设置(&S)"), "system",
                       self.show_settings, permission=Permission.EDIT_SETTINGS),
            ActionSpec("calendar", QT_TRANSLATE_NOOP("MainWindow", "工作日调整(&W)"), "system",
                       self.show_calendar, permission=Permission.EDIT_CALENDAR),
            ActionSpec("lock", QT_TRANSLATE_NOOP("MainWindow", "锁定屏幕(&K)"), "system",
                       self.lock_now),
            ActionSpec("switch_clerk", QT_TRANSLATE_NOOP("MainWindow", "切换营业员(&U)"), "system",
                       self.switch_clerk),
            ActionSpec("log_out", QT_TRANSLATE_NOOP("MainWindow", "注销(&O)"), "system", self.log_out),
            ActionSpec("quit", QT_TRANSLATE_NOOP("MainWindow", "退出(&X)"), "system", self.quit),
        ]

    # -- layout -----------------------------------------------------------------
    def _build_central(self) -> None:
        central = QWidget(self)
        outer = QVBoxLayout(central)
        self.phrase = QLabel(central)
        self.phrase.setObjectName("phrase")
        self.phrase.setWordWrap(True)
        self.phrase.setStyleSheet("background:#eef6ee; padding:6px; border-radius:4px;")
        outer.addWidget(self.phrase)
        row = QHBoxLayout()
        caption = QLabel(self.tr("查找(&F)："), central)
        self.lookup = QLineEdit(central)
        self.lookup.setObjectName("lookup")
        self.lookup.setPlaceholderText(self.tr("户号、姓名、电话、身份证号、地址，或扫描业务查询码"))
        self.lookup.setClearButtonEnabled(True)
        self.lookup.returnPressed.connect(self.search)
        caption.setBuddy(self.lookup)
        row.addWidget(caption)
        row.addWidget(self.lookup, 1)
        outer.addLayout(row)
        self.hint = QLabel(central)
        self.hint.setObjectName("hint")
        outer.addWidget(self.hint)

        split = QSplitter(Qt.Orientation.Horizontal, central)
        self.results = make_table(split, [self.tr("户号"), self.tr("户主"), self.tr("地址"),
                                          self.tr("电话"), self.tr("面积(㎡)"), self.tr("状态")])
        self.results.setObjectName("results")
        self.results.itemSelectionChanged.connect(self._selected)
        self.results.doubleClicked.connect(lambda _i: self.open_first_request())
        panel = QGroupBox(self.tr("客户信息"), split)
        panel.setObjectName("customer_panel")
        column = QVBoxLayout(panel)
        self.facts = QFormLayout()
        self.fact_labels: dict[str, QLabel] = {}
        for key, text in ACCOUNT_FACTS:
            label = QLabel(panel)
            label.setObjectName(f"fact_{key}")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.addRow(fact_caption(text), label)
            self.fact_labels[key] = label
        column.addLayout(self.facts)
        self.standing = StandingLabel(panel)     # what it owes, what is past due, what that stops
        column.addWidget(self.standing)
        column.addWidget(QLabel(self.tr("办理中的业务（回车打开）："), panel))
        self.open_list = QListWidget(panel)
        self.open_list.setObjectName("open_requests")
        self.open_list.itemActivated.connect(self._open_item)
        column.addWidget(self.open_list, 1)
        split.addWidget(self.results)
        split.addWidget(panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        outer.addWidget(split, 1)
        self.setCentralWidget(central)
        self.setTabOrder(self.lookup, self.results)
        self.setTabOrder(self.results, self.open_list)

    def _build_toolbar(self, specs: list[ActionSpec]) -> None:
        bar = QToolBar(self.tr("业务"), self)
        bar.setObjectName("business_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for spec in specs:
            bar.addAction(self.registry[spec.id])
        bar.addSeparator()
        for key in ("pay", "feedback_log", "queue"):
            bar.addAction(self.registry[key])
        self.addToolBar(bar)

    # -- who is at the counter ----------------------------------------------------
    # permanent widgets of the status bar: a message shown there (a draft kept, a
    # receipt printed) covers only the bar's temporary part, so who is at the
    # counter and the day stay in view
    clerk_status: QLabel | None = None
    date_status: QLabel | None = None

    def set_actor(self, actor: Actor) -> None:
        """``actor`` is at the counter now (logged in at the lock, normally)."""
        self.actor = actor
        if self.lock.counter.present != actor:
            self.lock.counter = self.lock.counter.arrive(actor)
        self.registry.apply_role(actor)
        if self.clerk_status is None or self.date_status is None:
            bar = self.statusBar()
            self.clerk_status, self.date_status = QLabel(bar), QLabel(bar)
            self.clerk_status.setObjectName("status_clerk")
            self.date_status.setObjectName("status_date")
            bar.addPermanentWidget(self.clerk_status)
            bar.addPermanentWidget(self.date_status)
        self.clerk_status.setText(self.tr("{0} {1}").format(actor.role.label, actor.display_name))
        self.date_status.setText(self.core.today().isoformat())

    def lock_now(self) -> None:
        self.lock.lock()

    def switch_clerk(self) -> None:
        """Another person takes the counter; this one's open windows wait for them."""
        self.next_visitor()
        self.lock.switch()

    def log_out(self) -> None:
        """注销: after saying what closes with it (and that an open shift stays with
        its clerk), this person's windows close and the next person logs in."""
        work = self._open_work(self.lock.open_windows(), (self.actor,))
        if work and not self._confirm(self.tr("注销"), work, self.tr("确定注销吗？")):
            return
        if self.lock.log_out():
            self.next_visitor()
            self.clerk_status.setText(self.tr("未登录"))

    def quit(self) -> bool:
        """退出 (Ctrl+Q, ✕): asked first when work is open - a window (a wizard,
        a request), a window kept for someone who stepped aside, a cash shift not
        closed.  True when the application closes."""
        everyone = tuple(a for a in (self.lock.counter.present, *self.lock.counter.away) if a is not None)
        work = self._open_work(self.lock.open_windows() + self.lock.kept_windows(), everyone)
        if work and not self._confirm(self.tr("退出"), work, self.tr("确定退出吗？")):
            return False
        self._leaving = True
        self.lock.close_all()
        self.close()
        return True

    def _open_work(self, windows: list[QWidget], people: tuple[Actor, ...]) -> list[str]:
        lines = []
        if windows:
            lines.append(self.tr("未关闭的窗口：{0}（未保存的内容将丢失）").format(
                "、".join(w.windowTitle() for w in windows)))
        ok, with_shift = ops_staff.with_open_shift(self.ops, self.core, people)
        for person in with_shift if ok else ():
            lines.append(self.tr("{0} 的班次尚未交班（班次仍记在其名下，下次登录可继续或交班）").format(
                person.display_name))
        return lines

    def _confirm(self, title: str, work: list[str], question: str) -> bool:
        text = self.tr("尚有未完成的工作：") + "".join(f"\n· {line}" for line in work) + "\n\n" + question
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """The window's ✕ is 退出; a close from the program itself (quit, the end of
        a session) asks nothing."""
        if event.spontaneous() and not self._leaving and not self.quit():
            event.ignore()
            return
        super().closeEvent(event)

    # -- lookup -------------------------------------------------------------------
    def focus_lookup(self) -> None:
        self.lookup.setFocus()
        self.lookup.selectAll()

    def next_visitor(self) -> None:
        """A new walk-in: clear everything and greet (article 8)."""
        self.lookup.clear()
        self.results.setRowCount(0)
        self._show_account(None)
        self.hint.clear()
        self.phrase.setText(self.tr("接待用语：") + phrases.greeting(
            self.settings["company_name"], self.settings["hall_name"]))
        self.focus_lookup()

    def search(self) -> None:
        text = self.lookup.text().strip()
        if not text:
            return
        ok, found = ops_accounts.look_up(self.ops, self.core, text)
        if not ok:
            return
        if found.request_id is not None:      # a scanned tracking code: open its request
            self.lookup.clear()
            self.open_request(found.request_id)
            return
        hits = found.hits
        fill_table(self.results, ([h.account_no, h.holder_name, h.address, h.phone, h.area,
                                   h.heating_state.label] for h in hits), (h.account_id for h in hits))
        self.hint.setText(self.tr("找到 {0} 户").format(len(hits)) if hits else
                          self.tr("没有找到“{0}”，请换个关键词，或办理用热申请登记新客户").format(text))
        if hits:
            self.results.selectRow(0)
            if len(hits) == 1:
                self.results.setFocus()

    def _selected(self) -> None:
        self._show_account(row_data(self.results))

    def _show_account(self, account_id: int | None) -> None:
        self.account_id = account_id
        self.open_list.clear()
        if account_id is None:
            for label in self.fact_labels.values():
                label.clear()
            self.standing.show_standing(None)
            return
        ok, panel = ops_accounts.panel(self.ops, self.core, account_id)
        if not ok:
            return
        self.standing.show_standing(panel.standing)
        for key, value in account_facts(panel.account).items():
            self.fact_labels[key].setText(value)
        for r in panel.open_requests:
            due = self.tr("期限 {0}").format(r.deadline) if r.deadline else ""
            item = QListWidgetItem("　".join(filter(None, (r.number, r.kind_name, r.status.label, due))))
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.open_list.addItem(item)

    # -- businesses and windows (each freed when it closes: ui.windows.Owned) -------------
    def start_business(self, kind: str, draft_id: int | None = None) -> None:
        from ui.wizard import BusinessWizard

        self.wizard = wizard = BusinessWizard(self.core, self.actor, kind, account_id=self.account_id,
                                              draft_id=draft_id, parent=self)
        wizard.open()

    def show_drafts(self) -> None:
        from ui.wizard import DraftsDialog

        self.drafts_dialog = dialog = DraftsDialog(self.core, self.actor, self.start_business, self)
        dialog.open()

    def open_request(self, request_id: int) -> None:
        from ui.requests import RequestDialog

        self.request_dialog = dialog = RequestDialog(self.core, self.actor, request_id, self)
        dialog.open()

    def _open_item(self, item: QListWidgetItem) -> None:
        self.open_request(item.data(Qt.ItemDataRole.UserRole))

    def open_selected_request(self) -> None:
        item = self.open_list.currentItem() or self.open_list.item(0)
        if item is not None:
            self._open_item(item)

    def open_first_request(self) -> None:
        if self.open_list.count():
            self.open_list.setFocus()
            self.open_list.setCurrentRow(0)

    def _bring_back(self, window: FeedbackWindow | SupervisorQueue | ArrearsWindow | None) -> bool:
        """The feedback book, the queue and the arrears list are open once per main
        window: an open one comes to the front.  One opened for someone else (the
        lock changed hands since) is not shown to this person: kept hidden for its
        owner who stepped aside, closed if it is still on screen."""
        if window is None:
            return False
        if window.actor.staff_id == self.actor.staff_id:
            bring_back(window)
            return True
        if window.isVisible():
            window.close()
        return False

    def show_feedback(self) -> None:
        if self._bring_back(self.feedback_window):
            return
        from ui.feedback import FeedbackWindow

        self.feedback_window = window = FeedbackWindow(self.core, self.actor, self)
        window.show()

    def new_feedback(self) -> None:
        from ui.feedback import FeedbackDialog

        self.feedback_dialog = dialog = FeedbackDialog(self.core, self.actor, self,
                                                       account_id=self.account_id)
        dialog.open()

    def show_queue(self) -> None:
        if self._bring_back(self.queue_window):
            return
        from ui.requests import SupervisorQueue

        self.queue_window = window = SupervisorQueue(self.core, self.actor, self.open_request, self,
                                                     open_feedback=self.open_feedback)
        window.show()

    def open_feedback(self, feedback_id: int) -> None:
        """The feedback book at one entry (a late complaint opened from the queue)."""
        self.show_feedback()
        if self.feedback_window is not None:
            self.feedback_window.show_entry(feedback_id)

    # -- money (ui.cash: payments, corrections, shifts; ui.fees: schedule, bills, reductions) --
    def _need_account(self) -> bool:
        if self.account_id is None:
            self.hint.setText(self.tr("请先查找并选定客户"))
            self.focus_lookup()
            return False
        return True

    def take_payment(self, request_id: int | None = None) -> None:
        if self.lookup.hasFocus() and self.lookup.text().strip():
            self.search()         # typed, then F7: the one account found is the one paying
            if not self.lookup.text() or self.results.rowCount() != 1:
                return
        if not self._need_account():
            return
        from ui.cash import PaymentDialog

        self.payment_dialog = dialog = PaymentDialog(self.core, self.actor, self.account_id, self,
                                                     request_id=request_id)
        dialog.open()

    def show_payments(self) -> None:
        if not self._need_account():
            return
        from ui.cash import PaymentHistoryDialog

        self.history_dialog = dialog = PaymentHistoryDialog(self.core, self.actor, self.account_id, self)
        dialog.open()

    def show_shift(self) -> None:
        from ui.cash import ShiftDialog

        self.shift_dialog = dialog = ShiftDialog(self.core, self.actor, self)
        dialog.open()

    def request_reduction(self) -> None:
        if not self._need_account():
            return
        from ui.fees import ReductionDialog

        self.reduction_dialog = dialog = ReductionDialog(self.core, self.actor, self.account_id, self)
        dialog.open()

    def show_arrears(self) -> None:
        if self._bring_back(self.arrears_window):
            return
        from ui.fees import ArrearsWindow

        self.arrears_window = window = ArrearsWindow(self.core, self.actor, self)
        window.show()

    def show_schedule(self) -> None:
        from ui.fees import ScheduleDialog

        self.schedule_dialog = dialog = ScheduleDialog(self.core, self.actor, self)
        dialog.open()

    def show_season_billing(self) -> None:
        from ui.fees import SeasonBillingDialog

        self.season_dialog = dialog = SeasonBillingDialog(self.core, self.actor, self)
        dialog.open()

    def show_settings(self) -> None:
        from ui.settings import SettingsDialog

        self.settings_dialog = dialog = SettingsDialog(self.core, self.actor, self)
        dialog.open()

    def reload_settings(self) -> None:
        """Settings saved: the greeting and the idle lock follow at once."""
        ok, values = ops_settings.values(self.ops, self.core)
        if ok:
            self.settings = values
            self.lock.set_minutes(int(values["idle_lock_minutes"]))
            if not self.lookup.text():
                self.next_visitor()

    def show_calendar(self) -> None:
        from ui.settings import CalendarDialog

        self.calendar_dialog = dialog = CalendarDialog(self.core, self.actor, self)
        dialog.open()

    # -- printing (ui.print_dialogs) ---------------------------------------------------------
    def show_register(self) -> None:
        from ui.print_dialogs import RegisterDialog

        self.register_dialog = dialog = RegisterDialog(self.core, self.actor, self)
        dialog.open()

    def show_calibration(self) -> None:
        from ui.print_dialogs import CalibrationDialog

        self.calibration_dialog = dialog = CalibrationDialog(self)
        dialog.open()
