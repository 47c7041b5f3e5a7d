"""The request view and the supervisor's queue."""

from ui.requests.dialog import RequestDialog
from ui.requests.queue import SupervisorQueue

__all__ = ["RequestDialog", "SupervisorQueue"]
