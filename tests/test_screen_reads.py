"""The core services behind the request, queue, feedback and wizard screens:
the rules those screens used to decide themselves, decided once in the core.
On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from counter_app.domain.enums import Channel, FeedbackKind
from counter_app.errors import PermissionDenied
from counter_app.services import (
    accounts,
    drafts,
    feedback,
    feedback_desk,
    request_desk,
    supervision,
)
from counter_app.services.feedback import FeedbackInput
from counter_app.services.wizard_pages import fee_notice, number_taken
from tests.helpers import ALL_SEEN, account_input, application, stop_request


def steps(desk: request_desk.RequestDesk) -> dict[str, request_desk.Step]:
    return {s.action: s for s in desk.steps}


# -- drafts -----------------------------------------------------------------------------

def test_keep_saves_in_the_draft_or_in_a_new_one_when_it_was_closed_meanwhile(core, people):
    did = drafts.keep(core, people.clerk, "stop", {"page": 1}, title="停热")
    assert drafts.keep(core, people.clerk, "stop", {"page": 2}, title="停热", draft_id=did) == did
    assert drafts.load(core, people.clerk, did).data == {"page": 2}
    drafts.finish(core, people.clerk, did, None)                     # discarded in another window
    again = drafts.keep(core, people.clerk, "stop", {"page": 3}, title="停热", draft_id=did)
    assert again != did and drafts.load(core, people.clerk, again).data == {"page": 3}
    with pytest.raises(PermissionDenied):                            # a colleague's draft stays theirs
        drafts.keep(core, people.clerk2, "stop", {"page": 9}, title="停热", draft_id=again)
    assert [d.id for d in drafts.open_drafts(core, people.clerk)] == [again]


# -- one request's window ---------------------------------------------------------------------

def test_the_desk_offers_a_clerk_her_steps_and_a_supervisor_his(core, people):
    rid = stop_request(core, people.clerk)
    clerk = request_desk.request_desk(core, people.clerk, rid)
    assert not steps(clerk)["approve"].mine and steps(clerk)["reject"].mine
    assert steps(clerk)["reject"].asks_note and steps(clerk)["reject"].closes
    assert clerk.can_handover and not clerk.can_waive and not clerk.has_contract
    other = request_desk.request_desk(core, people.clerk2, rid)
    assert not other.can_handover                                    # not hers to hand over
    boss = request_desk.request_desk(core, people.supervisor, rid)
    assert steps(boss)["approve"].mine and boss.can_handover and boss.can_waive


def test_missing_documents_hold_acceptance_back_and_a_late_step_asks_why(core, people, clock):
    waiting = application(core, people.clerk, documents={"owner_id_card": ALL_SEEN}, accept=False)
    assert steps(request_desk.request_desk(core, people.clerk, waiting))["accept"].blocked
    rid = application(core, people.clerk, 2)
    desk = request_desk.request_desk(core, people.clerk, rid)
    assert not steps(desk)["reply_plan"].asks_late_reason and not desk.can_explain_delay
    clock.set(2025, 11, 27, 9, 0)                                    # past Tuesday's deadline
    late = request_desk.request_desk(core, people.clerk, rid)
    assert steps(late)["reply_plan"].asks_late_reason and late.can_explain_delay


def test_the_queue_says_what_waits_and_is_the_supervisors_only(core, people):
    rid = stop_request(core, people.clerk)
    queue = supervision.supervisor_queue(core, people.supervisor)
    assert [(w.row.id, w.asked) for w in queue.approvals] == [(rid, "批准停热")]
    with pytest.raises(PermissionDenied):
        supervision.supervisor_queue(core, people.clerk)


# -- the feedback book -------------------------------------------------------------------------

def test_due_soon_leaves_out_the_late_ones(core, people, clock):
    def log(text: str) -> int:
        return feedback.log(core, people.clerk, FeedbackInput(
            kind=FeedbackKind.COMPLAINT, channel=Channel.HOTLINE, text=text))
    late = log("室温低")                                             # Thursday 20th: due the 27th
    clock.set(2025, 11, 25, 9, 0)
    soon = log("噪音")                                               # Tuesday 25th: due 2 December
    clock.set(2025, 11, 28, 9, 0)
    assert [e.id for e in feedback_desk.book(core, due_within_days=4).entries] == [soon]
    assert [e.id for e in feedback_desk.book(core, overdue_only=True).entries] == [late]


def test_the_entry_form_knows_every_kinds_deadline_and_the_customer(core, people):
    account_id = accounts.register_account(core, people.clerk, account_input(1))
    form = feedback_desk.entry_form(core, account_id=account_id)
    assert form.reply_days[FeedbackKind.COMPLAINT] == 5 and form.reply_days[FeedbackKind.PRAISE] is None
    assert str(form.deadlines[FeedbackKind.COMPLAINT].due) == "2025-11-27"
    assert form.account is not None and form.account.holder_name == "张伟"


# -- the wizard's pages ------------------------------------------------------------------------

def test_a_new_customers_number_is_checked_as_it_would_be_stored(core, people):
    accounts.register_account(core, people.clerk, account_input(1))
    assert number_taken(core, account_input(1, account_no=" 100100001 ")) == "100100001"
    assert number_taken(core, account_input(2)) is None


def test_only_a_settlement_reads_the_statement(core, people):
    account_id = accounts.register_account(core, people.clerk, account_input(1))
    assert fee_notice(core, "stop", account_id).statement is None
    settled = fee_notice(core, "settlement", account_id)
    assert settled.statement is not None and settled.season == "2025-2026"
