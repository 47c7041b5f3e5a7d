"""The visitor feedback book (意见簿): complaints, reports, suggestions, praise."""

from __future__ import annotations

from ui.feedback.entry import FeedbackDialog
from ui.feedback.window import FeedbackWindow

__all__ = ["FeedbackDialog", "FeedbackWindow"]
