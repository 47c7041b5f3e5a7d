"""Finding an account at the counter from whatever the resident says.

Exact paths: 户号, phone (mobile or landline, however it is typed) and ID number,
each through its own B-tree index.  Four digits are also the end of a phone
(a resident often remembers only that): those matches come after the exact ones
and before the text ones.  Substring paths over holder name and
address, Chinese included, for terms of one character and up:
- SQLite: FTS5 trigram for 3+ characters; for 1-2 characters a second FTS5
  index in which every character is a token, queried as a phrase (so "张伟"
  matches exactly the names and addresses containing 张伟), each candidate
  confirmed against ``search_text`` so the answer is a true substring match;
- PostgreSQL: pg_trgm GIN index with ILIKE.
Both indexes are kept in step by the database (triggers / index) from the
``search_text`` and ``search_grams`` columns this module computes.

Every query stops at ``limit`` matches in index order; only those (at most
``limit``) rows are then loaded and sorted by 户号, never the whole match set.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import CompoundSelect, Select, or_, select, text, union
from sqlalchemy.orm import Session

from counter_app import validation
from counter_app.db.models import Account, Customer
from counter_app.domain.enums import HeatingState, UserClass
from counter_app.errors import ValidationError

DEFAULT_LIMIT = 50
# what may be a 户号, a phone or an ID number once spaces, dashes and brackets are gone
_EXACT = re.compile(r"^\+?[0-9A-Za-z]{4,24}$")
_DECORATION = re.compile(r"[\s\-()]")
_ACCOUNT_NO = re.compile(r"^[0-9A-Z\-]{4,20}$")
_PHONE_TAIL = re.compile(r"^[0-9]{4}$")

_FTS_WORDS = "SELECT rowid FROM account_fts WHERE account_fts MATCH :q LIMIT :n"
# 1-2 characters: the phrase finds candidates in rowid order, instr() confirms
# each one (the character index drops punctuation and the space between name
# and address); the LIMIT still stops the walk early.
_FTS_CHARS = ("SELECT account.id FROM account_chars JOIN account ON account.id = account_chars.rowid"
              " WHERE account_chars MATCH :q AND instr(lower(account.search_text), lower(:t)) > 0"
              " LIMIT :n")


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


# only the columns a hit shows: loading whole Account and Customer entities
# doubled the time to turn 50 ids into hits (1.9 -> 1.0 ms p50 at 500k)
_COLUMNS = (Account.id, Account.account_no, Account.community, Account.building, Account.unit,
            Account.room, Account.address_text, Account.area_x100, Account.user_class,
            Account.heating_state, Customer.name, Customer.phone)


def _base() -> Select[*tuple[Any, ...]]:
    return (select(*_COLUMNS).join(Customer, Account.customer_id == Customer.id)
            .order_by(Account.account_no))


def _hits(session: Session, stmt: Select[*tuple[Any, ...]], how: str, limit: int) -> list[AccountHit]:
    # a row has the attributes Account.address and Account.area read, so the
    # wording of an address stays defined in one place (mypy reads a property on
    # the class as its getter function, hence the ignores)
    return [AccountHit(row.id, row.account_no, row.name,
                       Account.address.fget(row),  # type: ignore[attr-defined]
                       row.phone or "", Account.area.fget(row),  # type: ignore[attr-defined]
                       row.user_class,
                       row.heating_state, how)
            for row in session.execute(stmt.limit(limit))]


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like_escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _is_token_char(ch: str) -> bool:
    """Whether FTS5's unicode61 tokenizer keeps ``ch`` (letters, numbers, private use)."""
    category = unicodedata.category(ch)
    return category[0] in "LN" or category == "Co"


def _exact_select(term: str) -> Select[int] | CompoundSelect[int] | None:
    """Ids of the accounts whose 户号, phone, phone2 or ID number is ``term``.

    Each alternative is a separate indexed lookup: an OR across the account and
    customer tables in one WHERE would make SQLite scan every account."""
    compact = _DECORATION.sub("", term)
    if not _EXACT.match(compact):
        return None
    upper, compact_upper = term.upper(), compact.upper()
    numbers = {n for n in (term, upper, compact_upper) if _ACCOUNT_NO.match(n)}
    phones = {term, compact}
    try:
        phones.add(validation.check_phone(term))
    except ValidationError:
        pass
    ids = {upper, compact_upper}
    by_number = select(Account.id).where(Account.account_no.in_(sorted(numbers)))
    by_holder = (select(Account.id).join(Customer, Account.customer_id == Customer.id)
                 .where(or_(Customer.phone.in_(sorted(phones)), Customer.phone2.in_(sorted(phones)),
                            Customer.id_number.in_(sorted(ids)))))
    return union(by_number, by_holder) if numbers else by_holder


def _phone_tail_select(term: str) -> Select[int] | None:
    """Ids of the accounts whose holder's phone or phone2 ends in the four digits
    of ``term``.  No index serves an ending, so each column's own index is read
    from end to end (only the phone and the row id: never the customer rows);
    the union keeps each read on its index, which an OR of the two would not."""
    compact = _DECORATION.sub("", term)
    if not _PHONE_TAIL.match(compact):
        return None
    pattern = f"%{compact}"
    holders = union(select(Customer.id).where(Customer.phone.like(pattern)),
                    select(Customer.id).where(Customer.phone2.like(pattern))).subquery()
    return select(Account.id).join(holders, Account.customer_id == holders.c.id)


def substring_ids(session: Session, term: str, limit: int) -> list[int]:
    """Ids of up to ``limit`` accounts whose holder name or address contains ``term``.

    A term without a single letter or digit ("-", "(", "%") finds nothing: it
    names no one, and on SQLite it could only be answered by scanning every row."""
    term = normalise(term)
    tokens = [ch for ch in term if _is_token_char(ch)]
    if not tokens or limit <= 0:
        return []
    if session.get_bind().dialect.name == "sqlite":
        if len(term) >= 3:
            rows = session.execute(text(_FTS_WORDS), {"q": _fts_phrase(term), "n": limit})
        else:
            query = _fts_phrase(" ".join(tokens))
            rows = session.execute(text(_FTS_CHARS), {"q": query, "t": term, "n": limit})
        return list(rows.scalars())
    stmt = (select(Account.id).where(Account.search_text.ilike(f"%{_like_escape(term)}%",
                                                               escape="\\")).limit(limit))
    return list(session.scalars(stmt))


def find_accounts(session: Session, term: str, limit: int = DEFAULT_LIMIT) -> list[AccountHit]:
    """Up to ``limit`` accounts for what the clerk typed: the exact matches
    first, then the phones ending in four typed digits, then the text matches,
    each group sorted by 户号, no account twice.

    An exact 户号 / phone / ID number wins over the text: holder name and
    address are searched for the term as a substring only when nothing matched
    it exactly."""
    term = normalise(term)
    if not term or limit <= 0:
        return []
    hits: list[AccountHit] = []
    exact = _exact_select(term)
    if exact is not None:
        hits = _hits(session, _base().where(Account.id.in_(exact)), "exact", limit)
    exact_found = bool(hits)
    tail = _phone_tail_select(term)
    if tail is not None and len(hits) < limit:
        hits += _hits(session, _base().where(Account.id.in_(tail), Account.id.not_in(
            [h.account_id for h in hits])), "phone_tail", limit - len(hits))
    if exact_found or len(hits) >= limit:
        return hits
    ids = [i for i in substring_ids(session, term, limit) if i not in {h.account_id for h in hits}]
    if not ids:
        return hits
    return hits + _hits(session, _base().where(Account.id.in_(ids)), "text", limit - len(hits))
