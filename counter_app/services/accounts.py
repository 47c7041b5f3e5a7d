"""Customers and their heating accounts: register, change, find."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app import audit, search, validation
from counter_app.core import Actor, Core
from counter_app.db.models import Account, Customer
from counter_app.domain.enums import HeatingForm, HeatingState, HolderKind, LabelledEnum, UserClass
from counter_app.domain.permissions import Permission
from counter_app.errors import Conflict, NotFound, ValidationError

ACCOUNT_FIELDS_ZH = {
    "account_no": "户号", "holder_kind": "户主类型", "holder_name": "户主姓名/单位名称",
    "id_number": "证件号码", "phone": "联系电话", "phone2": "备用电话", "community": "小区",
    "building": "楼号", "unit": "单元", "room": "房号", "address_text": "地址",
    "area": "供热面积", "user_class": "用户类别", "heating_form": "采暖方式",
    "heating_state": "供热状态",
}


@dataclass
class AccountInput:
    """What a clerk types (or an import row holds) for a new account: raw text."""

    account_no: str = ""
    holder_name: str = ""
    id_number: str = ""
    phone: str = ""
    phone2: str = ""
    community: str = ""
    building: str = ""
    unit: str = ""
    room: str = ""
    address_text: str = ""
    area: str = ""
    holder_kind: str = "person"
    user_class: str = "residential"
    heating_form: str = "radiator"
    heating_state: str = "heating"


_Enum = TypeVar("_Enum", bound=LabelledEnum)


def _enum(cls: type[_Enum], raw: str, key: str) -> _Enum:
    try:
        return cls.parse(raw or "")
    except ValueError:
        options = "、".join(m.label for m in cls)
        raise ValidationError(f"{ACCOUNT_FIELDS_ZH[key]}“{raw}”无法识别，可选：{options}",
                              field=key) from None


def validate_account(data: AccountInput) -> tuple[dict[str, Any], dict[str, str]]:
    """Check every field; return the clean values and a message per bad field."""
    clean: dict[str, Any] = {}     # each field's own type: text, an enum, the area's Decimal
    errors: dict[str, str] = {}

    def attempt(key: str, fn: Callable[[], object]) -> None:
        try:
            clean[key] = fn()
        except ValidationError as exc:
            errors[key] = exc.message

    attempt("account_no", lambda: validation.check_account_no(data.account_no, field="account_no"))
    attempt("holder_kind", lambda: _enum(HolderKind, data.holder_kind, "holder_kind"))
    attempt("holder_name", lambda: validation.check_text(
        data.holder_name, 100, True, field="holder_name", label="户主姓名/单位名称"))
    kind = clean.get("holder_kind", HolderKind.PERSON)
    if data.id_number.strip():
        check = validation.check_uscc if kind is HolderKind.ORGANISATION else validation.check_resident_id
        attempt("id_number", lambda: check(data.id_number, field="id_number"))
    else:
        clean["id_number"] = None
    for key in ("phone", "phone2"):
        raw = getattr(data, key)
        if raw.strip():
            attempt(key, partial(validation.check_phone, raw, field=key, label=ACCOUNT_FIELDS_ZH[key]))
        else:
            clean[key] = None
    for key, size in (("community", 60), ("building", 20), ("unit", 20), ("room", 20),
                      ("address_text", 200)):
        attempt(key, partial(validation.check_text, getattr(data, key), size, False, field=key,
                             label=ACCOUNT_FIELDS_ZH[key]))
    if not errors and not (clean.get("community") or clean.get("address_text")):
        errors["community"] = "请填写小区（或在“地址”中填写完整地址）"
    attempt("area", lambda: validation.parse_area(data.area, field="area", label="供热面积"))
    attempt("user_class", lambda: _enum(UserClass, data.user_class, "user_class"))
    attempt("heating_form", lambda: _enum(HeatingForm, data.heating_form, "heating_form"))
    attempt("heating_state", lambda: _enum(HeatingState, data.heating_state, "heating_state"))
    return clean, errors


def raise_first(errors: dict[str, str]) -> None:
    if errors:
        key, message = next(iter(errors.items()))
        raise ValidationError(message, field=key)


def new_account_rows(clean: dict[str, Any], now: dt.datetime) -> tuple[dict[str, Any], dict[str, Any]]:
    """Column values for the customer and the account of a validated input."""
    customer = {"kind": clean["holder_kind"], "name": clean["holder_name"],
                "id_number": clean["id_number"], "phone": clean["phone"],
                "phone2": clean["phone2"], "created_at": now, "updated_at": now}
    account = {k: clean[k] for k in ("account_no", "community", "building", "unit", "room",
                                      "address_text", "user_class", "heating_form",
                                      "heating_state")}
    account["area_x100"] = int(clean["area"] * 100)
    account.update(created_at=now, updated_at=now)
    return customer, account


def refresh_search(account: Account, holder_name: str) -> None:
    account.search_text, account.search_grams = search.index_columns(holder_name, account.address)


def create_account(session: Session, core: Core, actor: Actor, data: AccountInput) -> Account:
    """Inside the caller's unit of work: validate and add customer + account."""
    clean, errors = validate_account(data)
    raise_first(errors)
    if session.scalar(select(Account.id).where(Account.account_no == clean["account_no"])):
        raise Conflict(f"户号 {clean['account_no']} 已存在，请核对或换一个户号", field="account_no")
    now = core.now()
    customer_values, account_values = new_account_rows(clean, now)
    customer = None
    if clean["id_number"]:
        customer = session.scalar(select(Customer).where(Customer.id_number == clean["id_number"]))
        if customer is not None and customer.name != clean["holder_name"]:
            raise Conflict(f"证件号码 {clean['id_number']} 已登记在“{customer.name}”名下，"
                           "请核对姓名或证件号码", field="id_number")
    if customer is None:
        customer = Customer(**customer_values)
        session.add(customer)
        session.flush()
        audit.record(session, staff_id=actor.staff_id, at=now, action="create", obj=customer)
    account = Account(customer_id=customer.id, **account_values)
    refresh_search(account, customer.name)
    session.add(account)
    session.flush()
    audit.record(session, staff_id=actor.staff_id, at=now, action="create", obj=account)
    return account


def register_account(core: Core, actor: Actor, data: AccountInput) -> int:
    actor.require(Permission.SERVE)
    with core.unit_of_work() as session:
        return create_account(session, core, actor, data).id


@dataclass(frozen=True)
class AccountView:
    id: int
    account_no: str
    holder_kind: HolderKind
    holder_name: str
    id_number: str
    phone: str
    phone2: str
    community: str
    building: str
    unit: str
    room: str
    address_text: str
    address: str
    area: Decimal
    user_class: UserClass
    heating_form: HeatingForm
    heating_state: HeatingState


def view(account: Account) -> AccountView:
    c = account.customer
    return AccountView(account.id, account.account_no, c.kind, c.name, c.id_number or "",
                       c.phone or "", c.phone2 or "", account.community, account.building,
                       account.unit, account.room, account.address_text, account.address,
                       account.area, account.user_class, account.heating_form,
                       account.heating_state)


def load(session: Session, account_id: int) -> Account:
    account = session.get(Account, account_id)
    if account is None:
        raise NotFound(f"没有编号为 {account_id} 的账户")
    return account


def get_account(core: Core, account_id: int) -> AccountView:
    with core.reading() as session:
        return view(load(session, account_id))


def get_by_number(core: Core, account_no: str) -> AccountView:
    with core.reading() as session:
        account = session.scalar(select(Account).where(Account.account_no == account_no.strip()))
        if account is None:
            raise NotFound(f"没有户号为 {account_no} 的账户，请核对户号")
        return view(account)


def find(core: Core, term: str, limit: int = search.DEFAULT_LIMIT) -> list[search.AccountHit]:
    with core.reading() as session:
        return search.find_accounts(session, term, limit)


