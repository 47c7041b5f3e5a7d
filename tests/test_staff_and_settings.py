"""Logins, permissions, shared settings and the working-day overrides."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from counter_app.db.models import AuditRecord, Staff
from counter_app.domain.enums import Channel, FeedbackKind, Role
from counter_app.errors import AuthenticationFailed, Conflict, PermissionDenied, ValidationError
from counter_app.services import feedback, settings, staff
from counter_app.services.feedback import FeedbackInput


def test_login_is_personal_and_failures_are_recorded(core, people):
    actor = staff.login(core, "li", "clerk-pass")
    assert (actor.display_name, actor.role) == ("李营业员", Role.CLERK)
    with pytest.raises(AuthenticationFailed, match="用户名或密码不正确"):
        staff.login(core, "li", "wrong")
    with pytest.raises(AuthenticationFailed):
        staff.login(core, "nobody", "clerk-pass")
    with core.reading() as session:
        actions = session.scalars(select(AuditRecord.action).where(
            AuditRecord.action.like("login%")).order_by(AuditRecord.id)).all()
        assert actions == ["login", "login_failed", "login_failed"]
        stored = session.scalar(select(Staff.password_hash).where(Staff.username == "li"))
        assert stored.startswith("$argon2") and "clerk-pass" not in stored


def test_only_the_same_person_unlocks(core, people):
    staff.verify_password(core, people.clerk, "clerk-pass")
    with pytest.raises(AuthenticationFailed):
        staff.verify_password(core, people.clerk, "super-pass")   # the supervisor's password


def test_staff_management_rules(core, people):
    with pytest.raises(PermissionDenied, match="管理员"):
        staff.add_staff(core, people.supervisor, "x1", "某人", Role.CLERK, "123456")
    with pytest.raises(Conflict, match="已被使用"):
        staff.add_staff(core, people.admin, "li", "另一个李", Role.CLERK, "123456")
    with pytest.raises(ValidationError, match="密码至少"):
        staff.add_staff(core, people.admin, "new", "新人", Role.CLERK, "123")
    with pytest.raises(Conflict):
        staff.bootstrap_admin(core, "second", "第二管理员", "123456")


def test_settings_are_shared_and_validated(core, people):
    assert settings.get_all(core)["report_reply_days"] == 10
    settings.update(core, people.admin, {"company_name": "蓝天热力有限公司", "idle_lock_minutes": "3"})
    values = settings.get_all(core)
    assert (values["company_name"], values["idle_lock_minutes"]) == ("蓝天热力有限公司", 3)
    with pytest.raises(ValidationError, match="1-365"):
        settings.update(core, people.admin, {"idle_lock_minutes": 0})
    with pytest.raises(ValidationError, match="没有名为"):
        settings.update(core, people.admin, {"colour": "red"})


def test_calendar_override_moves_a_deadline_and_unknown_year_falls_back(core, people, clock):
    complaint = FeedbackInput(kind=FeedbackKind.COMPLAINT, channel=Channel.COUNTER, text="暖气不热")
    # a weekday made a holiday (e.g. a local emergency closure) pushes the deadline by a day
    with pytest.raises(PermissionDenied):
        settings.set_day(core, people.clerk, dt.date(2025, 11, 24), False, "临时停业")
    settings.set_day(core, people.supervisor, dt.date(2025, 11, 24), False, "临时停业")
    fid = feedback.log(core, people.clerk, complaint)
    assert feedback.get(core, fid).reply_deadline == dt.date(2025, 11, 28)

    # 2027 is outside chinese-calendar's data: Monday-Friday, flagged, no exception
    clock.set(2027, 2, 5, 10, 0)
    fid = feedback.log(core, people.clerk, complaint)
    entry = feedback.get(core, fid)
    assert entry.reply_deadline == dt.date(2027, 2, 12) and entry.deadline_fallback
    settings.confirm_year(core, people.supervisor, 2027, "国办发明电〔2026〕X号")
    fid = feedback.log(core, people.clerk, complaint)
    assert not feedback.get(core, fid).deadline_fallback
