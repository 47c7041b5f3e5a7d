"""The feedback book (意见簿): logging an entry, correcting one, forwarding,
replying, the follow-up visit, and reading the book."""

from __future__ import annotations

from counter_app.core import Actor, Core
from counter_app.domain.enums import Channel, Satisfaction
from counter_app.services import feedback, feedback_desk
from counter_app.services.feedback import FeedbackInput, FeedbackView
from counter_app.services.feedback_desk import Book, Details, EntryForm
from ui.bridge import FieldHandler, Operations
from ui.operations import Changes, announce

__all__ = ["Book", "Details", "EntryForm", "FeedbackInput", "FeedbackView", "book", "correct",
           "details", "entry_form", "follow_up", "forward", "get", "log", "reply"]


def _changed(entry: FeedbackView) -> None:
    announce(Changes.of(feedback=[entry.id], accounts=[entry.account_id]))


def entry_form(ops: Operations, core: Core, *, account_id: int | None = None,
               corrects: int | None = None) -> tuple[bool, EntryForm]:
    """What the new-entry (or correction) dialog shows when it opens."""
    return ops.call(feedback_desk.entry_form, core, account_id=account_id, corrects=corrects)


def log(ops: Operations, core: Core, actor: Actor, data: FeedbackInput, *, token: str,
        on_field_error: FieldHandler | None = None) -> tuple[bool, FeedbackView]:
    """Log what the customer said, once per dialog (its token), and return the
    entry as stored: its number and reply deadline are told to the customer."""
    ok, entry = ops.call(feedback_desk.log_entry, core, actor, data, client_token=token,
                         on_field_error=on_field_error, resolvable=True)
    if ok:
        _changed(entry)
    return ok, entry


def correct(ops: Operations, core: Core, actor: Actor, feedback_id: int, data: FeedbackInput, *,
            on_field_error: FieldHandler | None = None) -> tuple[bool, FeedbackView]:
    """A corrected entry replaces ``feedback_id`` in the book; the old one stays on record."""
    ok, entry = ops.call(feedback_desk.correct_entry, core, actor, feedback_id, data,
                         on_field_error=on_field_error)
    if ok:
        announce(Changes.of(feedback=[feedback_id, entry.id], accounts=[entry.account_id]))
    return ok, entry


def book(ops: Operations, core: Core, *, open_only: bool = False, overdue_only: bool = False,
         due_within_days: int | None = None, channel: Channel | None = None,
         department: str | None = None) -> tuple[bool, Book]:
    return ops.call(feedback_desk.book, core, open_only=open_only, overdue_only=overdue_only,
                    due_within_days=due_within_days, channel=channel, department=department)


def get(ops: Operations, core: Core, feedback_id: int) -> tuple[bool, FeedbackView]:
    """One entry as stored now (a step starts from it, not from the list's copy)."""
    return ops.call(feedback.get, core, feedback_id)


def details(ops: Operations, core: Core, feedback_id: int) -> tuple[bool, Details]:
    return ops.call(feedback_desk.details, core, feedback_id)


def forward(ops: Operations, core: Core, actor: Actor, entry: FeedbackView, department: str, *,
            on_field_error: FieldHandler | None = None) -> bool:
    ok, _none = ops.call(feedback.forward, core, actor, entry.id, department,
                         on_field_error=on_field_error)
    if ok:
        _changed(entry)
    return ok


def reply(ops: Operations, core: Core, actor: Actor, entry: FeedbackView, text: str, *,
          late_reason: str = "", on_field_error: FieldHandler | None = None) -> bool:
    ok, _none = ops.call(feedback.reply, core, actor, entry.id, text, late_reason=late_reason,
                         on_field_error=on_field_error)
    if ok:
        _changed(entry)
    return ok


def follow_up(ops: Operations, core: Core, actor: Actor, entry: FeedbackView, result: str,
              satisfaction: Satisfaction, *, on_field_error: FieldHandler | None = None) -> bool:
    ok, _none = ops.call(feedback.follow_up, core, actor, entry.id, result, satisfaction,
                         on_field_error=on_field_error)
    if ok:
        _changed(entry)
    return ok
