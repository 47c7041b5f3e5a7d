"""Administrators' settings and the working-day overrides, through the widgets."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from counter_app.services import settings
from ui.settings import CalendarDialog, SettingsDialog


def test_settings_are_saved_for_every_counter(qtbot, qt_app, core, people, messages):
    dialog = SettingsDialog(core, people.admin)
    qtbot.addWidget(dialog)
    dialog.form.inputs["company_name"].setText("蓝天热力有限公司")
    dialog.form.inputs["idle_lock_minutes"].setValue(3)
    dialog.save()
    values = settings.get_all(core)
    assert (values["company_name"], values["idle_lock_minutes"]) == ("蓝天热力有限公司", 3)


def test_a_bad_time_zone_is_shown_at_its_field(qtbot, qt_app, core, people, messages):
    dialog = SettingsDialog(core, people.admin)
    qtbot.addWidget(dialog)
    dialog.form.inputs["company_name"].setText("蓝天热力")
    dialog.form.inputs["timezone"].setText("Mars/Olympus")
    dialog.save()
    assert "时区" in dialog.form.errors["timezone"].text()
    assert dialog.form.inputs["company_name"].text() == "蓝天热力"       # nothing typed is lost
    assert settings.get_all(core)["company_name"] == "供热公司"          # nothing half-saved


def test_a_clerk_cannot_save_settings(qtbot, qt_app, core, people, messages):
    dialog = SettingsDialog(core, people.clerk)
    qtbot.addWidget(dialog)
    dialog.save()
    assert "管理员" in messages.last


def test_entering_an_unknown_year(qtbot, qt_app, core, people, messages):
    dialog = CalendarDialog(core, people.supervisor)
    qtbot.addWidget(dialog)
    dialog.year.setValue(2027)
    assert "尚无节假日数据" in dialog.status.text()
    dialog.day.setDate(QDate(2027, 10, 1))
    dialog.kind.setCurrentIndex(0)
    dialog.note.setText("国庆节")
    dialog.add_day()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 2).text() == "国庆节"
    dialog.source.setText("国办发明电〔2026〕7号")
    dialog.confirm_button.click()
    assert "主管已录入全年安排" in dialog.status.text()
    info = settings.year_info(core, 2027)
    assert info.known and info.overrides == ((dt.date(2027, 10, 1), False, "国庆节"),)


def test_saved_settings_reach_the_main_window_at_once(main_window, core, people):
    main_window.set_actor(people.admin)
    main_window.show_settings()
    dialog = main_window.findChild(SettingsDialog)
    dialog.form.inputs["company_name"].setText("蓝天热力有限公司")
    dialog.form.inputs["idle_lock_minutes"].setValue(2)
    dialog.save()
    assert "蓝天热力有限公司" in main_window.phrase.text()
    assert main_window.lock.timer.interval() == 2 * 60_000
