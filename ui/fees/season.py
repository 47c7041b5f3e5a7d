"""建立年度收费: the season's bills for every account in one run, on a worker
thread; a rerun reprices unpaid bills when the schedule changed and leaves the
rest alone."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from counter_app import validation
from counter_app.core import Actor, Core
from counter_app.domain.money import yuan
from counter_app.domain.seasons import season_of
from counter_app.errors import ValidationError
from ui.bridge import Operations
from ui.fees.common import field_errors, grow_to_hint
from ui.operations import fees as ops_fees
from ui.operations.fees import ScheduleView, SeasonRun
from ui.widgets import FieldForm

# SeasonRun's counters, in the order the summary lists them
RUN_FIELDS = (
    ("accounts", QT_TRANSLATE_NOOP("Fees", "处理账户：")),
    ("created", QT_TRANSLATE_NOOP("Fees", "新建账单：")),
    ("regenerated", QT_TRANSLATE_NOOP("Fees", "重新生成（未缴费，按新标准）：")),
    ("unchanged", QT_TRANSLATE_NOOP("Fees", "账单不变：")),
    ("kept_paid", QT_TRANSLATE_NOOP("Fees", "已有缴费，保留原账单：")),
    ("no_charge", QT_TRANSLATE_NOOP("Fees", "本季未接网，不出账：")),
)
TOTAL_CAPTION = QT_TRANSLATE_NOOP("Fees", "新开账单金额合计：")


class SeasonBillingDialog(QDialog):
    def __init__(self, core: Core, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core, self.actor = core, actor
        self.ops = Operations(self)
        self.ops.failed.connect(self._failed)
        self.running = False
        self.run: SeasonRun | None = None
        self.schedule: ScheduleView | None = None
        self.setWindowTitle(self.tr("建立年度收费"))
        outer = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "为每个账户按现行收费标准开出本采暖季的账单。已有缴费的账户保留原账单；"
            "未缴费账户的账单在收费标准变化后重新生成，没有变化的保持不变。可以重复运行。"), self)
        intro.setWordWrap(True)
        outer.addWidget(intro)
        self.form = FieldForm(self)
        self.season = QComboBox(self.form)
        self.season.setEditable(True)
        self.season.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # full width: the error line under it then fits on one line
        self.season.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.form.add("season", self.tr("采暖季(&S)："), self.season, self.tr("如 2025-2026"))
        self.season.currentTextChanged.connect(lambda _t: self.show_schedule())
        outer.addWidget(self.form)

        self.schedule_box = QGroupBox(self.tr("将采用的收费标准"), self)
        column = QVBoxLayout(self.schedule_box)
        self.schedule_text = QLabel(self.schedule_box)
        self.schedule_text.setObjectName("schedule_text")
        self.schedule_text.setWordWrap(True)
        self.schedule_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.schedule_text)
        outer.addWidget(self.schedule_box)

        self.busy = QProgressBar(self)
        self.busy.setObjectName("busy")
        self.busy.setRange(0, 0)            # indeterminate: the service reports no progress
        self.busy.setTextVisible(False)
        self.busy_text = QLabel(
            self.tr("正在建立账单，请稍候……（账户多时需要几分钟，完成前不能关闭本窗口）"), self)
        self.busy_text.setWordWrap(True)
        self.busy.hide()
        self.busy_text.hide()
        outer.addWidget(self.busy_text)
        outer.addWidget(self.busy)

        self.result_box = QGroupBox(self.tr("本次运行结果"), self)
        self.result_box.setObjectName("result_box")
        results = QFormLayout(self.result_box)
        self.result_labels: dict[str, QLabel] = {}
        for key, caption in (*RUN_FIELDS, ("total_fen", TOTAL_CAPTION)):
            label = QLabel(self.result_box)
            label.setObjectName(f"result_{key}")
            results.addRow(QCoreApplication.translate("Fees", caption), label)
            self.result_labels[key] = label
        self.summary = QLabel(self.result_box)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        results.addRow(self.summary)
        self.result_box.hide()
        outer.addWidget(self.result_box)
        outer.addStretch(1)

        row = QHBoxLayout()
        row.addStretch(1)
        self.start_button = QPushButton(self.tr("开始(&B)"), self)
        self.start_button.setToolTip(self.tr("为所有账户建立本采暖季账单 (Alt+B，或回车)"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.close_button = QPushButton(self.tr("关闭"), self)
        self.close_button.setToolTip(self.tr("关闭 (Esc)"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        row.addWidget(self.start_button)
        row.addWidget(self.close_button)
        outer.addLayout(row)

        self._fill_seasons()
        self.show_schedule()
        self.season.setFocus()
        self.resize(640, self.sizeHint().height())

    # -- the season and its schedule ---------------------------------------------------
    def _fill_seasons(self) -> None:
        ok, choices = ops_fees.season_choices(self.ops, self.core)
        current = choices.current if ok else season_of(self.core.today())
        self.season.blockSignals(True)
        self.season.addItems(list(choices.seasons) if ok else [current])
        self.season.setCurrentText(current)
        self.season.blockSignals(False)

    def season_text(self) -> str:
        return self.season.currentText().strip()

    def show_schedule(self) -> None:
        """The version in force today for the season typed; none: 开始 is off."""
        self.form.clear_errors()
        self.schedule = None
        self.schedule_text.clear()
        try:
            season = validation.parse_season(self.season_text(), field="season")
        except ValidationError:       # still typing; 开始 says what is wrong
            self.start_button.setEnabled(False)
            return
        ok, terms = ops_fees.season_terms(self.ops, self.core, season,
                                          on_field_error=field_errors(self, self.form))
        if ok:
            self.schedule = terms.schedule
            self.schedule_text.setText("\n".join(terms.lines))
        else:
            self.schedule_text.setText(self.tr("（无：请管理员先在“收费标准”中发布）"))
        self.start_button.setEnabled(ok and not self.running)

    # -- running ---------------------------------------------------------------------------
    def start(self) -> None:
        if self.running:
            return
        self.form.clear_errors()
        ok, season = self.ops.call(validation.parse_season, self.season_text(), field="season",
                                   on_field_error=field_errors(self, self.form))
        if not ok or self.schedule is None:
            return
        self._set_running(True)
        self.result_box.hide()
        ops_fees.bill_season(self.ops, self.core, self.actor, season, self._done)

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.busy.setVisible(running)
        self.busy_text.setVisible(running)
        self.season.setEnabled(not running)
        self.start_button.setEnabled(not running and self.schedule is not None)
        self.close_button.setEnabled(not running)
        grow_to_hint(self)

    def _failed(self, _message: str) -> None:
        if self.running:
            self._set_running(False)

    def _done(self, run: SeasonRun) -> None:
        self._set_running(False)
        self.run = run
        for key, _caption in RUN_FIELDS:
            self.result_labels[key].setText(self.tr("{0} 户").format(getattr(run, key)))
        self.result_labels["total_fen"].setText(self.tr("{0} 元").format(yuan(run.total_fen)))
        self.summary.setText(self.tr("{0}采暖季账单已按收费标准第{1}版建立。").format(run.season,
                                                                                     run.version))
        self.result_box.show()
        grow_to_hint(self)
        self.close_button.setFocus()

    # -- no closing while the worker runs -----------------------------------------------------
    def reject(self) -> None:
        if not self.running:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self.running:
            event.ignore()
            return
        super().closeEvent(event)
