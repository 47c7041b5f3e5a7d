"""Who may take a locked counter is the core's rule (staff.Counter, unlock_refusal,
unlock): the person locked out, a supervisor taking over as themselves, someone who
stepped aside at this counter coming back - after a takeover the clerk used to be
refused ("只有 王值班长 本人或值班长可以解锁") - and anyone once nobody is logged in."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from counter_app.db.models import AuditRecord
from counter_app.errors import AuthenticationFailed, PermissionDenied
from counter_app.services import shifts, staff
from counter_app.services.staff import Counter, unlock_refusal


def test_the_clerk_comes_back_after_a_supervisor_took_over(people):
    counter = Counter(people.clerk)
    assert unlock_refusal(counter, people.clerk) is None
    assert "李营业员" in unlock_refusal(counter, people.clerk2)
    taken = counter.arrive(people.supervisor)               # the supervisor takes over at the lock
    assert taken.present == people.supervisor and taken.away == (people.clerk,)
    assert unlock_refusal(taken, people.clerk) is None      # the clerk returns to their own work
    refusal = unlock_refusal(taken, people.clerk2)
    assert "王值班长" in refusal and "李营业员" in refusal
    back = taken.arrive(people.clerk)
    assert back.present == people.clerk and back.away == (people.supervisor,)


def test_switching_keeps_the_person_and_logging_out_lets_anyone_in(people):
    switched = Counter(people.clerk).step_aside()
    assert switched.present is None and switched.away == (people.clerk,)
    assert unlock_refusal(switched, people.clerk2) is None  # the next clerk logs in as themselves
    with_next = switched.arrive(people.clerk2)
    assert with_next.away == (people.clerk,)
    gone = with_next.leave()
    assert gone.present is None and gone.away == (people.clerk,)      # 注销 drops only the one leaving
    assert gone.step_aside() == gone


def test_unlock_checks_the_password_then_the_rule_and_records_both(core, people):
    taken = Counter(people.clerk).arrive(people.supervisor)
    assert staff.unlock(core, taken, "li", "clerk-pass") == people.clerk
    with pytest.raises(PermissionDenied) as refused:
        staff.unlock(core, taken, "zhao", "clerk2-pass")
    assert refused.value.field == "username" and "本人或值班长" in refused.value.message
    with pytest.raises(AuthenticationFailed):
        staff.unlock(core, taken, "li", "wrong")
    with core.reading() as session:
        actions = [(r.action, r.staff_id) for r in session.scalars(
            select(AuditRecord).where(AuditRecord.entity == "staff").order_by(AuditRecord.id))
            if r.action in ("login", "unlock_refused", "login_failed")]
    assert actions[-3:] == [("login", people.clerk.staff_id), ("unlock_refused", people.clerk2.staff_id),
                            ("login_failed", people.clerk.staff_id)]


def test_who_still_has_a_shift_open(core, people):
    shifts.open_shift(core, people.clerk, "200")
    everyone = (people.clerk, people.clerk2, people.supervisor)
    assert staff.with_open_shift(core, everyone) == [people.clerk]
    assert staff.with_open_shift(core, ()) == []
