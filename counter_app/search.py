"""Finding an account at the counter from whatever the resident says.

Exact paths: 户号, phone, ID number.  Substring paths over holder name and
address, Chinese included, for terms of one character and up:
- SQLite: FTS5 trigram for 3+ characters; for 1-2 characters a second FTS5
  index in which every character is a token, queried as a phrase (so "张伟"
  matches exactly the names and addresses containing 张伟);
- PostgreSQL: pg_trgm GIN index with ILIKE.
Both indexes are kept in step by the database (triggers / index) from the
``search_text`` and ``search_grams`` columns this module computes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Select, or_, select, text
from sqlalchemy.orm import Session

from counter_app.db.models import Account, Customer
from counter_app.domain.enums import HeatingState, UserClass

DEFAULT_LIMIT = 50
_EXACT = re.compile(r"^[0-9A-Za-z\-]{4,20}$")


def normalise(term: str) -> str:
    return unicodedata.normalize("NFKC", term).strip()


def index_columns(holder_name: str, address: str) -> tuple[str, str]:
    """The values of ``search_text`` and ``search_grams`` for an account."""
    textual = normalise(f"{holder_name} {address}")
    grams = " ".join(ch for ch in textual if not ch.isspace())
    return textual[:400], grams


@dataclass(frozen=True)
class AccountHit:
    account_id: int
    account_no: str
    holder_name: str
    address: str
    phone: str
    area: Decimal
    user_class: UserClass
    heating_state: HeatingState
    matched_by: str


def _base() -> Select:
    return (select(Account, Customer).join(Customer, Account.customer_id == Customer.id)
            .order_by(Account.account_no))


def _hits(session: Session, stmt: Select, how: str, limit: int) -> list[AccountHit]:
    out = []
    for account, customer in session.execute(stmt.limit(limit)):
        out.append(AccountHit(account.id, account.account_no, customer.name, account.address,
                              customer.phone or "", account.area, account.user_class,
                              account.heating_state, how))
    return out


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like_escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def substring_ids(session: Session, term: str, limit: int) -> list[int]:
    """Account ids whose holder name or address contains ``term``."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        if len(term) >= 3:
            sql = "SELECT rowid FROM account_fts WHERE account_fts MATCH :q LIMIT :n"
            query = _fts_phrase(term)
        else:
            sql = "SELECT rowid FROM account_chars WHERE account_chars MATCH :q LIMIT :n"
            query = _fts_phrase(" ".join(term))
        return list(session.execute(text(sql), {"q": query, "n": limit}).scalars())
    stmt = (select(Account.id).where(Account.search_text.ilike(f"%{_like_escape(term)}%",
                                                               escape="\\")).limit(limit))
    return list(session.scalars(stmt))


def find_accounts(session: Session, term: str, limit: int = DEFAULT_LIMIT) -> list[AccountHit]:
    term = normalise(term)
    if not term:
        return []
    if _EXACT.match(term):
        upper = term.upper()
        exact = _base().where(or_(Account.account_no == term, Account.account_no == upper,
                                  Customer.phone == term, Customer.phone2 == term,
                                  Customer.id_number == upper))
        hits = _hits(session, exact, "exact", limit)
        if hits:
            return hits
    ids = substring_ids(session, term, limit)
    if not ids:
        return []
    return _hits(session, _base().where(Account.id.in_(ids)), "text", limit)
