"""What the business wizard's pages read, one read per page.

- the fees page tells the customer every fee item and its standard (article 9)
  from the season's published schedule, and for a settlement what the account
  owes today and why;
- the customer page shows the chosen account with its standing (what it
  owes, which seasons are past due) and, before anything else is typed,
  whether this business can be done for it at all (the catalogue's
  preconditions, e.g. no arrears for a stop): the same rule that registering
  checks, so a business that cannot finish stops on its first page;
- the customer page asks, before going on, whether a new customer's 户号 is
  already registered.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from counter_app.core import Core
from counter_app.db.models import Account
from counter_app.domain.money import Statement
from counter_app.domain.seasons import season_of
from counter_app.errors import NotFound
from counter_app.services import accounts, billing, cashdesk, effects, fees
from counter_app.services.accounts import AccountInput, AccountView
from counter_app.services.cashdesk import Standing
from counter_app.services.fees import ScheduleView


@dataclass(frozen=True)
class FeeNotice:
    season: str
    schedule: ScheduleView | None     # None: the season's schedule is not published yet
    statement: Statement | None       # a settlement's account only


def fee_notice(core: Core, kind_code: str, account_id: int | None) -> FeeNotice:
    kind = core.catalogue.get(kind_code)
    season = season_of(core.today())
    schedule = statement = None
    with core.reading() as session:
        if kind.fees:
            try:
                schedule = fees.view(fees.schedule_in_force(session, season, core.today()))
            except NotFound:
                schedule = None
        if kind.workflow == "settlement" and account_id is not None:
            statement = billing.statement(session, core, account_id)
    return FeeNotice(season, schedule, statement)


@dataclass(frozen=True)
class CustomerCheck:
    account: AccountView
    standing: Standing
    blocker: str | None               # why this business cannot be done for the account now


def customer_check(core: Core, kind_code: str, account_id: int) -> CustomerCheck:
    kind = core.catalogue.get(kind_code)
    with core.reading() as session:
        account = accounts.load(session, account_id)
        return CustomerCheck(accounts.view(account), cashdesk.standing_in(session, core, account),
                             effects.blocker(session, core, kind, account))


def number_taken(core: Core, data: AccountInput) -> str | None:
    """The new customer's 户号 as it would be stored, when an account has it
    already; None when it is free (or not valid: the form shows that)."""
    clean, _errors = accounts.validate_account(data)
    number = clean.get("account_no")
    if not number:
        return None
    with core.reading() as session:
        found = session.scalar(select(Account.id).where(Account.account_no == number))
    return number if found is not None else None


__all__ = ["CustomerCheck", "FeeNotice", "customer_check", "fee_notice", "number_taken"]
