"""What each business changes on the account when it is completed, and the
preconditions the catalogue attaches to a business (e.g. no arrears)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from stdnum.cn import ric

from counter_app import audit
from counter_app.catalogue import BusinessKind
from counter_app.core import Actor, Core
from counter_app.db.models import Account, Customer, ServiceRequest
from counter_app.db.money import AccountChange, Bill
from counter_app.domain.enums import HeatingState, HolderKind
from counter_app.domain.money import yuan
from counter_app.domain.seasons import season_of
from counter_app.errors import Conflict, ValidationError
from counter_app.services import billing


def jsonable(values: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in values.items():
        if isinstance(value, (dt.date, dt.datetime)):
            value = value.isoformat()
        elif isinstance(value, Decimal):
            value = str(value)
        out[key] = value
    return out


# -- preconditions ---------------------------------------------------------------

def blocker(session: Session, core: Core, kind: BusinessKind, account: Account | None) -> str | None:
    """Why the catalogue's preconditions stop this business for this account
    today - no arrears (欠费 past due, with the late fee) - or None.  The
    wizard's first page and the customer panel read it before anything is typed."""
    for condition in kind.preconditions:
        if condition in ("no_arrears", "seller_no_arrears") and account is not None:
            owed = billing.arrears_fen(session, account, on=core.today())
            if owed > 0:
                who = "原户主" if condition == "seller_no_arrears" else "该户"
                return f"{who}尚欠热费 {yuan(owed)} 元，须先结清欠费再办理{kind.name}"
    return None


def check_preconditions(session: Session, core: Core, kind: BusinessKind, account: Account | None) -> None:
    reason = blocker(session, core, kind, account)
    if reason is not None:
        raise Conflict(reason)


# -- effects ---------------------------------------------------------------------

# every effect is called with all five; those that need fewer name the rest with a "_"
Effect = Callable[[Session, Core, Actor, ServiceRequest, Account], None]


def _set_state(state: HeatingState) -> Effect:
    def effect(_session: Session, _core: Core, _actor: Actor, _request: ServiceRequest,
               account: Account) -> None:
        account.heating_state = state
    return effect


def _holder(session: Session, core: Core, actor: Actor, name: str, id_number: str | None,
            phone: str | None) -> Customer:
    """The customer with this ID number, or a new one."""
    holder = session.scalar(select(Customer).where(Customer.id_number == id_number)) \
        if id_number else None
    if holder is None:
        is_person = not id_number or ric.is_valid(id_number)
        holder = Customer(kind=HolderKind.PERSON if is_person else HolderKind.ORGANISATION,
                          name=name, id_number=id_number, phone=phone, phone2=None,
                          created_at=core.now(), updated_at=core.now())
        session.add(holder)
        session.flush()
        audit.record(session, staff_id=actor.staff_id, at=core.now(), action="create", obj=holder)
    return holder


def _move_to(account: Account, holder: Customer) -> None:
    account.customer_id = holder.id
    account.customer = holder


def _transfer(session: Session, core: Core, actor: Actor, request: ServiceRequest,
              account: Account) -> None:
    f = request.fields
    _move_to(account, _holder(session, core, actor, f["new_holder_name"],
                              f.get("new_holder_id_number") or None, f.get("phone") or None))


def _rename(session: Session, core: Core, actor: Actor, request: ServiceRequest,
            account: Account) -> None:
    """更名: the same person's name corrected renames the customer (all their
    accounts); a different ID number means another holder for this account only."""
    f = request.fields
    customer = account.customer
    new_id = f.get("new_holder_id_number") or None
    if new_id and new_id != customer.id_number:
        _move_to(account, _holder(session, core, actor, f["new_holder_name"], new_id,
                                  f.get("phone") or None))
        return
    before = audit.snapshot(customer)
    customer.name = f["new_holder_name"]
    customer.updated_at = core.now()
    audit.record(session, staff_id=actor.staff_id, at=core.now(), action="update",
                 obj=customer, before=before)
    for other in customer.accounts:
        if other.id != account.id:
            _refresh(other, customer.name)


def _area(_session: Session, _core: Core, _actor: Actor, request: ServiceRequest,
          account: Account) -> None:
    account.area = Decimal(str(request.fields["new_area"]))


EFFECTS: dict[str, Effect] = {
    "application_residential": _set_state(HeatingState.HEATING),
    "application_nonresidential": _set_state(HeatingState.HEATING),
    "change_transfer": _transfer,
    "change_name": _rename,
    "change_area": _area,
    "stop": _set_state(HeatingState.STOPPED),
    "resume": _set_state(HeatingState.HEATING),
}


def _refresh(account: Account, holder_name: str) -> None:
    from counter_app.services.accounts import refresh_search

    refresh_search(account, holder_name)


# request fields that say from when a change counts (else: the day it is completed)
EFFECTIVE_FIELDS = ("effective_date", "resume_date", "stop_date", "transfer_date")


def _record_change(session: Session, core: Core, request: ServiceRequest, account: Account,
                   before: dict[str, Any]) -> AccountChange | None:
    """Settlement prorates by the dates billing facts changed: keep them."""
    state_changed = before["heating_state"] != account.heating_state.value
    area_changed = before["area_x100"] != account.area_x100
    if not (state_changed or area_changed):
        return None
    when = next((request.fields[k] for k in EFFECTIVE_FIELDS if request.fields.get(k)), None)
    change = AccountChange(
        account_id=account.id,
        effective_date=dt.date.fromisoformat(when) if when else core.today(),
        heating_state=account.heating_state if state_changed else None,
        area_x100=account.area_x100 if area_changed else None,
        request_id=request.id, created_at=core.now())
    session.add(change)
    return change


def _resettle(session: Session, core: Core, actor: Actor, account: Account,
              change: AccountChange) -> None:
    """热费结算 from the customer's documents (article 10): a season already
    billed is billed again with the change; an unbilled one waits for the batch."""
    season = season_of(change.effective_date)
    billed = session.scalar(select(Bill.id).where(Bill.account_id == account.id,
                                                  Bill.season == season).limit(1))
    if billed is not None:
        session.flush()
        billing.rebill(session, core, actor, account.id, season)


def apply(session: Session, core: Core, actor: Actor, kind: BusinessKind, request: ServiceRequest) -> None:
    effect = EFFECTS.get(kind.kind)
    if effect is None:
        return
    account = request.account
    if account is None:
        raise ValidationError(f"{kind.name}没有对应的账户，无法办结")
    before = audit.snapshot(account)
    effect(session, core, actor, request, account)
    account.updated_at = core.now()
    change = _record_change(session, core, request, account, before)
    _refresh(account, account.customer.name)
    audit.record(session, staff_id=actor.staff_id, at=core.now(), action=f"effect:{kind.kind}",
                 obj=account, before=before)
    if change is not None:
        _resettle(session, core, actor, account, change)
