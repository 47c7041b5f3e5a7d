"""What the payment form (收费, F7) shows when it opens, read at once, and
the account's standing that the customer panel and the wizard show before it.

The form needs the account, the request it pays for (if any), the statement of
the day and whether the clerk's drawer can take money now; one read gives all
of it, and the rule for the drawer - a shift of today, open (当天事情当天办) -
is decided here, not in the form.  A settlement (热费结算) registered for the
account and not yet done is the request the payment is for, unless the form
was opened for another: paying what it asks for completes it.

The standing is what the clerk must see the moment an account is chosen: what
a full payment is today, what is past due and for which seasons, and which
businesses those arrears stop (the catalogue's preconditions, as the core
checks them when the business is registered).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.core import Actor, Core
from counter_app.db.models import Account, ServiceRequest
from counter_app.domain import settlement as st
from counter_app.domain.enums import LabelledEnum, RequestStatus
from counter_app.domain.money import Statement
from counter_app.services import accounts, billing, effects, requests, shifts
from counter_app.services.accounts import AccountView
from counter_app.services.shifts import ShiftView


class Drawer(LabelledEnum):
    READY = "ready", "已开班"
    CLOSED = "closed", "未开班"
    STALE = "stale", "前一天的班次未结班"


@dataclass(frozen=True)
class PaymentDesk:
    account: AccountView
    request_id: int | None           # the request the payment is for
    request_number: str
    request_kind: str
    settles: bool                    # a settlement: paying the statement in full completes it
    statement: Statement
    drawer: Drawer
    shift_opened: dt.date | None     # the day the open shift began


def payment_desk(core: Core, actor: Actor, account_id: int, request_id: int | None = None) -> PaymentDesk:
    with core.reading() as session:
        account = accounts.view(accounts.load(session, account_id))
        number = kind = ""
        settles = False
        if request_id is None:
            request_id = open_settlement(session, core, account_id)
        if request_id is not None:
            request = requests.load(session, request_id)
            number, kind = request.number, core.catalogue.get(request.kind).name
            settles = completes_on_payment(core, request)
        statement = billing.statement(session, core, account_id)
        shift = shifts.open_shift_of(session, actor)
    opened = core.local(shift.opened_at).date() if shift else None
    drawer = Drawer.CLOSED if shift is None else Drawer.READY if opened == core.today() else Drawer.STALE
    return PaymentDesk(account, request_id, number, kind, settles, statement, drawer, opened)


def completes_on_payment(core: Core, request: ServiceRequest) -> bool:
    """A settlement accepted and waiting for its money is done by the payment
    that pays its statement in full."""
    return (core.catalogue.get(request.kind).workflow == "settlement"
            and request.status is RequestStatus.ACCEPTED)


def open_settlement(session: Session, core: Core, account_id: int) -> int | None:
    """The account's settlement waiting for its money, when there is exactly one."""
    kinds = [k.kind for k in core.catalogue.kinds.values() if k.workflow == "settlement"]
    found = session.scalars(select(ServiceRequest.id).where(
        ServiceRequest.account_id == account_id, ServiceRequest.kind.in_(kinds),
        ServiceRequest.status == RequestStatus.ACCEPTED).limit(2)).all()
    return found[0] if len(found) == 1 else None


# -- the account's standing -------------------------------------------------------------

@dataclass(frozen=True)
class Standing:
    due_fen: int                      # a full payment today; below 0 the account is in credit
    arrears: st.Arrears               # past due: the seasons, the principal, the late fee
    blocked: tuple[str, ...]          # the businesses the arrears stop now, catalogue order

    @property
    def overdue(self) -> bool:
        return self.arrears.owed_fen > 0


def standing_in(session: Session, core: Core, account: Account) -> Standing:
    """The account's standing inside the caller's read."""
    today = core.today()
    bills, credits = billing.positions(session, account.id, core.zone)
    lines = st.statement_lines(bills, credits, today)
    owing = st.arrears(bills, credits, today)
    # the catalogue's preconditions are all about arrears: with nothing past due
    # no business is stopped, and the check need not be read for each kind
    blocked = tuple(k.name for k in core.catalogue.kinds.values()
                    if owing.owed_fen > 0 and effects.blocker(session, core, k, account))
    return Standing(st.total(lines), owing, blocked)


__all__ = ["Drawer", "PaymentDesk", "ShiftView", "Standing", "completes_on_payment", "open_settlement",
           "payment_desk", "standing_in"]
