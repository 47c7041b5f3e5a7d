"""The main window's lookup field and customer panel.

What the clerk types (or a scanner types) is either a request's tracking code
- the bare code or the URL printed as a QR code - which opens that request, a
receipt's own code, which finds the receipt's account, or
a search term for accounts; deciding which is the core's rule, so one call
answers the field.  A code is forgiven case, spaces, hyphens and O/I/L for
0/1; one whose check character disagrees is said to be mistyped rather than
searched for.  Selecting an account shows its facts and its open
requests, read together.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter_app import search, tracking_codes
from counter_app.core import Core
from counter_app.errors import NotFound
from counter_app.services import accounts, cashdesk, requests, tracking
from counter_app.services.accounts import AccountView
from counter_app.services.cashdesk import Standing
from counter_app.services.requests import RequestRow

MISTYPED = "查询码有误：校验位对不上，可能有字符输错或看错，请对照回执上的查询码重新输入"


@dataclass(frozen=True)
class Lookup:
    request_id: int | None                 # a tracking code was scanned: open this request
    hits: tuple[search.AccountHit, ...] = ()


@dataclass(frozen=True)
class CustomerPanel:
    account: AccountView
    open_requests: tuple[RequestRow, ...]
    standing: Standing


def lookup(core: Core, text: str) -> Lookup:
    """A tracking code opens its request (NotFound when no request has it);
    anything else searches the accounts."""
    if requests.parse_tracking(text):
        try:
            return Lookup(requests.find_by_tracking(core, text).id)
        except NotFound:
            # a receipt's own QR code: its account, as if its number had been typed
            account_no = tracking.receipt_account_no(core, text)
            if account_no is None:
                raise
            return Lookup(None, tuple(accounts.find(core, account_no)))
    if tracking_codes.mistyped(text):
        raise NotFound(MISTYPED)
    return Lookup(None, tuple(accounts.find(core, text)))


def customer_panel(core: Core, account_id: int) -> CustomerPanel:
    with core.reading() as session:
        found = accounts.load(session, account_id)
        account = accounts.view(found)
        rows = requests.open_requests_in(session, core, account_id=account_id)
        standing = cashdesk.standing_in(session, core, found)
    return CustomerPanel(account, tuple(rows), standing)
