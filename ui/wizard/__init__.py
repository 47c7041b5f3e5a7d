"""The business wizard and the list of drafts it leaves behind."""

from ui.wizard.drafts_dialog import DraftsDialog
from ui.wizard.wizard import BusinessWizard

__all__ = ["BusinessWizard", "DraftsDialog"]
