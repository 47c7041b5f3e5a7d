"""What the feedback book's windows read and write, one call per thing the
clerk does (article 18: thank the customer, record the details, forward at once;
complaints are answered within 5 working days).

- ``entry_form``: everything the new-entry (or correction) dialog shows when it
  opens - the reply days and deadline of each kind, the departments in use, the
  customer of the chosen account, the entry being corrected;
- ``log_entry`` / ``correct_entry``: record it and return the entry as stored,
  whose number and reply deadline the clerk tells the customer;
- ``book``: the book's list with the departments for its filter;
- ``details``: one entry with the entry it corrects.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from counter_app.core import Actor, Core
from counter_app.db.models import Feedback
from counter_app.domain.enums import Channel, FeedbackKind
from counter_app.services import accounts, feedback
from counter_app.services.accounts import AccountView
from counter_app.services.feedback import FeedbackInput, FeedbackView
from counter_app.workdays import Deadline


@dataclass(frozen=True)
class EntryForm:
    reply_days: dict[FeedbackKind, int | None]       # None: no reply deadline
    # the deadline saving would store, by kind: for a new entry, counted from
    # today; for a correction, the original's (same kind) or counted from when
    # the original was received (another kind) - the form shows only these
    deadlines: dict[FeedbackKind, Deadline | None]
    departments: tuple[str, ...]                     # forwarded to before
    account: AccountView | None
    original: FeedbackView | None                    # the entry a correction replaces


def entry_form(core: Core, *, account_id: int | None = None,
               corrects: int | None = None) -> EntryForm:
    with core.reading() as session:
        old = feedback.load(session, corrects) if corrects is not None else None
        original = feedback.view(core, old) if old is not None else None
        received = old.received_at if old is not None else core.now()
        days = {kind: feedback.reply_days(session, kind) for kind in FeedbackKind}
        deadlines = {kind: feedback.reply_deadline(session, core, kind, received, old)
                     for kind in FeedbackKind}
        departments = tuple(sorted(d for d in session.scalars(
            select(Feedback.department).distinct()) if d))
        account = accounts.view(accounts.load(session, account_id)) if account_id is not None else None
    return EntryForm(days, deadlines, departments, account, original)


def log_entry(core: Core, actor: Actor, data: FeedbackInput, *,
              client_token: str | None = None) -> FeedbackView:
    """Log it once per ``client_token`` (a repeat returns the first entry)."""
    return feedback.get(core, feedback.log(core, actor, data, client_token=client_token))


def correct_entry(core: Core, actor: Actor, feedback_id: int, data: FeedbackInput) -> FeedbackView:
    return feedback.get(core, feedback.correct(core, actor, feedback_id, data))


@dataclass(frozen=True)
class Book:
    entries: tuple[FeedbackView, ...]
    departments: tuple[str, ...]


def book(core: Core, *, open_only: bool = False, overdue_only: bool = False,
         due_within_days: int | None = None, channel: Channel | None = None,
         department: str | None = None) -> Book:
    """The entries the filters choose, newest first.  Due within some days
    means not answered and not late yet: a late entry is in the overdue list."""
    entries = feedback.listing(core, open_only=open_only, overdue_only=overdue_only,
                               due_within_days=due_within_days, channel=channel,
                               department=department)
    if due_within_days is not None:
        entries = [e for e in entries if e.reply_deadline is not None and not e.overdue]
    return Book(tuple(entries), tuple(feedback.departments(core)))


@dataclass(frozen=True)
class Details:
    entry: FeedbackView
    corrects: FeedbackView | None


def details(core: Core, feedback_id: int) -> Details:
    entry = feedback.get(core, feedback_id)
    old = feedback.get(core, entry.corrects_id) if entry.corrects_id is not None else None
    return Details(entry, old)


__all__ = ["Book", "Details", "EntryForm", "book", "correct_entry", "details", "entry_form",
           "log_entry"]
