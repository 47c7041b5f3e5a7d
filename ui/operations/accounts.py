"""Finding a customer's account and reading it (the wizard's lookup field,
the feedback dialog's customer), and checking a new customer's 户号."""

from __future__ import annotations

from counter_app.core import Core
from counter_app.search import AccountHit
from counter_app.services import accounts, lookup, wizard_pages
from counter_app.services.accounts import AccountInput, AccountView, validate_account
from counter_app.services.lookup import CustomerPanel, Lookup
from ui.bridge import Operations

# ``validate_account`` is pure (no database): the new-customer form checks
# every field with the core's own rules before anything is sent.
__all__ = ["AccountHit", "AccountInput", "AccountView", "CustomerPanel", "Lookup", "find", "get",
           "look_up", "number_taken", "panel", "validate_account"]


def find(ops: Operations, core: Core, text: str) -> tuple[bool, list[AccountHit]]:
    """户号, name, phone, ID number or address, as the clerk typed it."""
    return ops.call(accounts.find, core, text)


def get(ops: Operations, core: Core, account_id: int) -> tuple[bool, AccountView]:
    return ops.call(accounts.get_account, core, account_id)


def number_taken(ops: Operations, core: Core, data: AccountInput) -> tuple[bool, str | None]:
    """A new customer's 户号 when an account has it already, else None."""
    return ops.call(wizard_pages.number_taken, core, data)


def look_up(ops: Operations, core: Core, text: str) -> tuple[bool, Lookup]:
    """The main window's lookup field: a scanned tracking code opens its request,
    anything else finds accounts."""
    return ops.call(lookup.lookup, core, text)


def panel(ops: Operations, core: Core, account_id: int) -> tuple[bool, CustomerPanel]:
    """The customer panel: the account's facts and its open requests."""
    return ops.call(lookup.customer_panel, core, account_id)
