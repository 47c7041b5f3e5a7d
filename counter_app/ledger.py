"""The ledger of payments, voids and refunds: append-only and hash-chained.

Every ledger entry has a ``position`` (1, 2, 3 ... with no gap, from the gap-free
counter "ledger") and carries ``prev_hash`` (the hash of the entry before it;
64 zeros for the first) and ``hash`` = SHA-256 of the canonical JSON of the
fields in ``HASH_FIELDS``.  The database refuses UPDATE and DELETE of entries
(triggers of migration 0003); the chain finds what someone changed behind the
application's back anyway (trigger dropped, rows edited or removed, forged rows
inserted): ``verify`` names the first broken link.

Writers take the "ledger" counter first thing in their transaction
(``reserve``): its row lock (PostgreSQL) or the write lock (SQLite) serialises
every writer of the chain until commit, so two counters never chain to the same
predecessor, and everything the writer reads afterwards is current.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, RowMapping, select
from sqlalchemy.orm import Session

from counter_app.db import sequences
from counter_app.db.models import Counter
from counter_app.db.money import LedgerEntry
from counter_app.domain.enums import LabelledEnum

GENESIS = "0" * 64
COUNTER = "ledger"

# The fields a hash covers, in this order of documentation (the JSON is key-sorted).
# Amounts are integers (fen), times ISO 8601 in UTC with microseconds, dates ISO.
# ``id`` (a database surrogate) is left out: ``position`` is the chain's own key.
HASH_FIELDS: tuple[str, ...] = (
    "position", "entry_type", "receipt_no", "account_id", "request_id", "original_id",
    "method", "amount_fen", "tendered_fen", "change_fen", "prepayment", "allocation",
    "reason", "shift_id", "clerk_id", "approved_by_id", "created_at", "business_date",
    "prev_hash",
)
_INTS = {"position", "account_id", "request_id", "original_id", "amount_fen", "tendered_fen",
         "change_fen", "shift_id", "clerk_id", "approved_by_id"}


class EntryType(LabelledEnum):
    PAYMENT = "payment", "收款"
    VOID = "void", "作废"
    REFUND = "refund", "退款"


class Method(LabelledEnum):
    """How the money was handed over (recorded only: there is no payment gateway)."""

    CASH = "cash", "现金"
    CARD = "card", "银行卡"
    WECHAT = "wechat", "微信支付"
    ALIPAY = "alipay", "支付宝"
    TRANSFER = "transfer", "银行转账"


def _plain(key: str, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:  # only SQLite hands back naive times, and they are UTC
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).isoformat(timespec="microseconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if key == "prepayment":
        return bool(value)
    if key in _INTS:
        return int(value)
    if isinstance(value, LabelledEnum):
        return value.value
    return value


def canonical(fields: Mapping[str, Any] | RowMapping) -> bytes:
    """The bytes a hash is taken of: key-sorted compact JSON, UTF-8."""
    data = {key: _plain(key, fields[key]) for key in HASH_FIELDS}
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def entry_hash(fields: Mapping[str, Any] | RowMapping) -> str:
    return hashlib.sha256(canonical(fields)).hexdigest()


def _fields(entry: LedgerEntry) -> dict[str, Any]:
    return {key: getattr(entry, key) for key in HASH_FIELDS}


# -- writing ------------------------------------------------------------------

def reserve(session: Session) -> int:
    """The next chain position.  Call it FIRST in the writer's transaction: it
    takes the lock that serialises chain writers until commit or rollback (a
    rollback gives the position back: no gap)."""
    return sequences.next_value(session, COUNTER)


def seal(session: Session, entry: LedgerEntry, position: int) -> LedgerEntry:
    """Chain ``entry`` at ``position`` (from ``reserve``), hash it, add and flush it."""
    prev = session.scalar(select(LedgerEntry.hash).where(LedgerEntry.position < position)
                          .order_by(LedgerEntry.position.desc()).limit(1))
    entry.position = position
    entry.prev_hash = prev or GENESIS
    entry.hash = entry_hash(_fields(entry))
    session.add(entry)
    session.flush()
    return entry


# -- checking -----------------------------------------------------------------

@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    count: int                               # entries checked
    first_broken_position: int | None = None
    problem: str = ""
    last_hash: str = GENESIS                 # the chain head, for printing on the daily register

    @property
    def message(self) -> str:
        if self.ok:
            return f"账本校验通过：{self.count} 条记录"
        return f"账本校验未通过：第 {self.first_broken_position} 条记录{self.problem}"


def verify(target: Any, *, batch: int = 2000) -> VerifyReport:
    """Walk the whole chain in position order and report the first broken link.

    ``target`` is a Core or an Engine.  Checks: positions 1..N without a gap,
    each prev_hash equals the previous entry's hash, each hash matches the
    entry's fields, and the "ledger" counter equals N (a removed tail)."""
    engine: Engine = getattr(target, "engine", target)
    columns = [LedgerEntry.__table__.c[key] for key in (*HASH_FIELDS, "hash")]
    count, expected_pos, prev = 0, 1, GENESIS
    with engine.connect() as conn:
        issued = conn.scalar(select(Counter.value).where(Counter.name == COUNTER)) or 0
        result = conn.execution_options(yield_per=batch).execute(
            select(*columns).order_by(LedgerEntry.position))
        for row in result:
            fields = row._mapping
            position = fields["position"]
            if position != expected_pos:
                problem = ("缺失（已被删除）" if position > expected_pos
                           else f"的序号重复或错乱（读到 {position}）")
                return VerifyReport(False, count, expected_pos, problem, prev)
            if fields["prev_hash"] != prev:
                return VerifyReport(False, count, position,
                                    "与前一条记录的链接断开（前一条被改动、删除或本条是伪造的）", prev)
            if entry_hash(fields) != fields["hash"]:
                return VerifyReport(False, count, position, "的内容与其哈希不符（记录被改动）", prev)
            prev = fields["hash"]
            count += 1
            expected_pos += 1
    if issued > count:
        return VerifyReport(False, count, count + 1,
                            f"缺失：账本计数器已到 {issued}，只找到 {count} 条（末尾记录被删除）", prev)
    if issued < count:
        return VerifyReport(False, count, issued + 1,
                            f"多出：账本计数器只到 {issued}，却有 {count} 条记录（伪造的记录）", prev)
    return VerifyReport(True, count, None, "", prev)
