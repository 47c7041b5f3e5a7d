"""Registering accounts: validation at the field, duplicates, nothing half-stored."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import text

from counter_app.domain.enums import HeatingState, HolderKind, UserClass
from counter_app.domain.permissions import Permission
from counter_app.errors import Conflict, PermissionDenied, ValidationError
from counter_app.services import accounts
from counter_app.services.accounts import AccountInput, validate_account
from tests.helpers import account_input


def count(engine, table: str) -> int:
    with engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()


def test_register_and_read_back(core, people):
    account_id = accounts.register_account(core, people.clerk, account_input(1, area="85.5"))
    view = accounts.get_account(core, account_id)
    assert view.address == "幸福小区3号楼2单元301室"
    assert view.area == Decimal("85.50")
    assert (view.holder_kind, view.user_class, view.heating_state) == (
        HolderKind.PERSON, UserClass.RESIDENTIAL, HeatingState.HEATING)
    assert accounts.get_by_number(core, "100100001").id == account_id


def test_every_bad_field_is_reported_in_chinese():
    _, errors = validate_account(AccountInput(
        account_no="1", holder_name="", id_number="110105198001010010", phone="123",
        community="幸福小区", area="-3", user_class="工业"))
    assert set(errors) == {"account_no", "holder_name", "id_number", "phone", "area", "user_class"}
    assert "校验位" in errors["id_number"]
    assert "居民" in errors["user_class"]


@pytest.mark.parametrize("area, words", [("0", "大于0"), ("100000.01", "100000"), ("85.555", "两位小数")])
def test_absurd_areas(area, words):
    _, errors = validate_account(account_input(1, area=area))
    assert words in errors["area"]


def test_duplicate_account_number_changes_nothing(core, people, engine):
    accounts.register_account(core, people.clerk, account_input(1))
    before = (count(engine, "account"), count(engine, "customer"), count(engine, "audit_log"))
    with pytest.raises(Conflict, match="户号 100100001 已存在") as err:
        accounts.register_account(core, people.clerk, account_input(1, holder_name="另一人"))
    assert err.value.field == "account_no"
    assert (count(engine, "account"), count(engine, "customer"), count(engine, "audit_log")) == before


def test_same_id_number_shares_one_customer(core, people, engine):
    accounts.register_account(core, people.clerk, account_input(1))
    accounts.register_account(core, people.clerk, account_input(2, id_number=account_input(1).id_number))
    assert count(engine, "customer") == 1 and count(engine, "account") == 2


def test_organisation_needs_a_credit_code(core, people):
    org = account_input(3, holder_kind="单位", holder_name="幸福超市", id_number="91110000600037341L",
                        user_class="非居民")
    view = accounts.get_account(core, accounts.register_account(core, people.clerk, org))
    assert view.holder_kind is HolderKind.ORGANISATION
    with pytest.raises(ValidationError) as err:
        accounts.register_account(core, people.clerk, account_input(4, holder_kind="单位",
                                                                    id_number="110105198001010010"))
    assert err.value.field == "id_number"


def test_a_supervisor_serves_too_but_only_admins_import(core, people):
    assert accounts.register_account(core, people.supervisor, account_input(5))
    with pytest.raises(PermissionDenied, match="管理员"):
        people.supervisor.require(Permission.IMPORT)


def test_an_id_number_registered_under_another_name_is_refused(core, people):
    accounts.register_account(core, people.clerk, account_input(1))
    with pytest.raises(Conflict, match="已登记在“张伟”名下") as err:
        accounts.register_account(core, people.clerk, account_input(
            2, holder_name="赵一", id_number=account_input(1).id_number))
    assert err.value.field == "id_number"
