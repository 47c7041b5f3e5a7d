"""Administrators' settings shared by every counter, and the working-day overrides."""

from ui.settings.calendar_dialog import CalendarDialog
from ui.settings.settings_dialog import SettingsDialog

__all__ = ["CalendarDialog", "SettingsDialog"]
