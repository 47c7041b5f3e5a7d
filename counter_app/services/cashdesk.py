"""What the payment form (收费, F7) shows when it opens, read at once.

The form needs the account, the request it pays for (if any), the statement of
the day and whether the clerk's drawer can take money now; one read gives all
of it, and the rule for the drawer - a shift of today, open (当天事情当天办) -
is decided here, not in the form.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter_app.core import Actor, Core
from counter_app.domain.enums import LabelledEnum
from counter_app.domain.money import Statement
from counter_app.services import accounts, billing, requests, shifts
from counter_app.services.accounts import AccountView
from counter_app.services.shifts import ShiftView


class Drawer(LabelledEnum):
    READY = "ready", "已开班"
    CLOSED = "closed", "未开班"
    STALE = "stale", "前一天的班次未结班"


@dataclass(frozen=True)
class PaymentDesk:
    account: AccountView
    request_number: str
    request_kind: str
    statement: Statement
    drawer: Drawer
    shift_opened: dt.date | None     # the day the open shift began


def payment_desk(core: Core, actor: Actor, account_id: int, request_id: int | None = None) -> PaymentDesk:
    with core.reading() as session:
        account = accounts.view(accounts.load(session, account_id))
        number = kind = ""
        if request_id is not None:
            request = requests.load(session, request_id)
            number, kind = request.number, core.catalogue.get(request.kind).name
        statement = billing.statement(session, core, account_id)
        shift = shifts.open_shift_of(session, actor)
    opened = core.local(shift.opened_at).date() if shift else None
    drawer = Drawer.CLOSED if shift is None else Drawer.READY if opened == core.today() else Drawer.STALE
    return PaymentDesk(account, number, kind, statement, drawer, opened)


__all__ = ["Drawer", "PaymentDesk", "ShiftView", "payment_desk"]
