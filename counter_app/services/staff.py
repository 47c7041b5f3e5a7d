"""Staff accounts and logging in.  No shared logins: every action is done as
the person who logged in (article 7: no one stands in for another's shift)."""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app import audit
from counter_app.core import Actor, Core
from counter_app.db.models import Staff
from counter_app.db.money import Shift
from counter_app.domain.enums import Role
from counter_app.domain.permissions import Permission
from counter_app.errors import AuthenticationFailed, Conflict, NotFound, PermissionDenied, ValidationError

MIN_PASSWORD = 6
_DEFAULT_HASHER = PasswordHasher()


def hasher(core: Core) -> PasswordHasher:
    return core.password_hasher or _DEFAULT_HASHER


def _check_new(username: str, display_name: str, password: str) -> None:
    if not username.strip() or len(username) > 40 or not username.isascii() or " " in username:
        raise ValidationError("登录名应为1-40个英文字母或数字，不含空格", field="username")
    if not display_name.strip():
        raise ValidationError("请填写姓名", field="display_name")
    if len(password) < MIN_PASSWORD:
        raise ValidationError(f"密码至少{MIN_PASSWORD}位", field="password")


def _actor(staff: Staff) -> Actor:
    return Actor(staff.id, staff.username, staff.display_name, staff.role)


def _create(core: Core, session: Session, actor_id: int | None, username: str, display_name: str,
            role: Role, password: str, department: str) -> Staff:
    _check_new(username, display_name, password)
    if session.scalar(select(Staff.id).where(Staff.username == username)) is not None:
        raise Conflict(f"登录名“{username}”已被使用，请换一个", field="username")
    staff = Staff(username=username, display_name=display_name.strip(), role=role,
                  password_hash=hasher(core).hash(password), department=department,
                  active=True, created_at=core.now())
    session.add(staff)
    session.flush()
    audit.record(session, staff_id=actor_id or staff.id, at=core.now(), action="create",
                 obj=staff)
    return staff


def has_staff(core: Core) -> bool:
    with core.reading() as session:
        return bool(session.scalar(select(func.count(Staff.id))))


def bootstrap_admin(core: Core, username: str, display_name: str, password: str) -> Actor:
    """The very first account of an empty database: an administrator."""
    with core.unit_of_work() as session:
        if session.scalar(select(func.count(Staff.id))):
            raise Conflict("已有人员账号，新增人员须由管理员登录后办理")
        return _actor(_create(core, session, None, username, display_name, Role.ADMIN,
                              password, "营业厅"))


def add_staff(core: Core, actor: Actor, username: str, display_name: str, role: Role,
              password: str, department: str = "营业厅") -> Actor:
    actor.require(Permission.MANAGE_STAFF)
    with core.unit_of_work() as session:
        return _actor(_create(core, session, actor.staff_id, username, display_name, role,
                              password, department))


def login(core: Core, username: str, password: str) -> Actor:
    return _sign_in(core, username, password, None)


def _sign_in(core: Core, username: str, password: str, counter: Counter | None) -> Actor:
    """Check the password; at a ``counter``, also whether this person may take it."""
    refusal = None
    with core.unit_of_work() as session:
        staff = session.scalar(select(Staff).where(Staff.username == username.strip()))
        ok = False
        if staff is not None and staff.active:
            try:
                ok = hasher(core).verify(staff.password_hash, password)
            except (VerificationError, InvalidHashError):
                ok = False
        if staff is not None and ok and counter is not None:
            refusal = unlock_refusal(counter, _actor(staff))
        if staff is None or not ok:      # (ok only for a staff member found)
            audit.record(session, staff_id=staff.id if staff else None, at=core.now(),
                         action="login_failed", entity="staff",
                         entity_id=staff.id if staff else username[:40])
        else:
            audit.record(session, staff_id=staff.id, at=core.now(),
                         action="unlock_refused" if refusal else "login", entity="staff", entity_id=staff.id)
    if staff is None or not ok:
        # at the password field: the login dialog says it there and keeps the name typed
        raise AuthenticationFailed("用户名或密码不正确，请重新输入（注意大小写和输入法）", field="password")
    if refusal:
        raise PermissionDenied(refusal, field="username")
    return _actor(staff)


# -- who works at a counter ----------------------------------------------------------------

@dataclass(frozen=True)
class Counter:
    """Who works at one counter (one running application): the person logged in
    now - None after 注销, or while the next person logs in - and those who stepped
    aside without logging out (taken over at the lock screen by a supervisor, or
    switched away from), whose open work waits for them to come back.  A cash
    shift is never part of it: it stays with the clerk who opened it."""

    present: Actor | None
    away: tuple[Actor, ...] = ()

    def arrive(self, who: Actor) -> Counter:
        """``who`` logged in; whoever was at the counter steps aside for them."""
        away = [a for a in (*self.away, self.present)
                if a is not None and a.staff_id != who.staff_id]
        return Counter(who, tuple(away))

    def step_aside(self) -> Counter:
        """切换营业员: the counter waits for the next person; this one's work is kept."""
        if self.present is None:
            return self
        kept = tuple(a for a in self.away if a.staff_id != self.present.staff_id)
        return Counter(None, (*kept, self.present))

    def leave(self) -> Counter:
        """注销: the person at the counter has gone, their work closed."""
        return Counter(None, self.away)

    def is_away(self, who: Actor) -> bool:
        return any(a.staff_id == who.staff_id for a in self.away)


def unlock_refusal(counter: Counter, who: Actor) -> str | None:
    """Why ``who`` may not take a locked counter, or None.  The person locked out
    unlocks with their own password; a supervisor (or an administrator) may take
    over as themselves; someone who stepped aside at this counter comes back
    (after a takeover, the clerk returns to their own work); when nobody is
    logged in, anyone with an account logs in.  Nobody else."""
    if counter.present is None or who.staff_id == counter.present.staff_id or counter.is_away(who) \
            or who.role in (Role.SUPERVISOR, Role.ADMIN):
        return None
    names = "、".join(a.display_name for a in (counter.present, *counter.away))
    return f"只有 {names} 本人或值班长可以解锁"


def unlock(core: Core, counter: Counter, username: str, password: str) -> Actor:
    """Log in at a locked ``counter``: the password, then ``unlock_refusal``
    (refused: an error at the login name, and audited as such)."""
    return _sign_in(core, username, password, counter)


def with_open_shift(core: Core, people: tuple[Actor, ...]) -> list[Actor]:
    """Those of ``people`` whose cash shift is still open (of any day)."""
    ids = {a.staff_id for a in people}
    if not ids:
        return []
    with core.reading() as session:
        open_ids = set(session.scalars(select(Shift.clerk_id).where(
            Shift.clerk_id.in_(ids), Shift.closed_at.is_(None))))
    return [a for a in people if a.staff_id in open_ids]


def verify_password(core: Core, actor: Actor, password: str) -> None:
    """Unlock an idle-locked screen: only the same person's password."""
    login(core, actor.username, password)


def list_staff(core: Core) -> list[Actor]:
    with core.reading() as session:
        return [_actor(s) for s in session.scalars(
            select(Staff).where(Staff.active).order_by(Staff.role, Staff.username))]


def get_staff(core: Core, staff_id: int) -> Actor:
    with core.reading() as session:
        staff = session.get(Staff, staff_id)
        if staff is None:
            raise NotFound(f"没有编号为 {staff_id} 的工作人员")
        return _actor(staff)
