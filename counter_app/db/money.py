"""Money tables: the fee schedule, bills, reductions, payments, shifts.

Rules kept by these tables and the services that write them:
- every amount is integer fen; rates are integers too (basis points, ppm);
- nothing financial is deleted or edited in place: a regenerated bill supersedes
  the old one, a void or a refund is a new ledger entry linked to the original;
- ledger entries (payments, voids, refunds) carry a SHA-256 hash chained to the
  previous entry, so a changed or removed row is found by `counter-app verify`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from counter_app.db.models import Base
from counter_app.domain.enums import HeatingForm, HeatingState, UserClass


class FeeSchedule(Base):
    """One published version of a heating season's fee schedule (收费标准).

    A new version never changes a bill already made: bills point at the
    version they were computed from."""

    __tablename__ = "fee_schedule"

    id: Mapped[int] = mapped_column(primary_key=True)
    season: Mapped[str] = mapped_column(String(9), index=True)       # "2025-2026"
    version: Mapped[int] = mapped_column(Integer)
    decree_no: Mapped[str] = mapped_column(String(80))               # 文件号
    effective_date: Mapped[dt.date] = mapped_column(Date)
    season_start: Mapped[dt.date] = mapped_column(Date)
    season_end: Mapped[dt.date] = mapped_column(Date)
    due_date: Mapped[dt.date] = mapped_column(Date)                  # late fee from the day after
    basic_fee_bp: Mapped[int] = mapped_column(Integer)               # 3000 = 30 % for stopped accounts
    late_fee_ppm_per_day: Mapped[int] = mapped_column(Integer)       # 3000 = 3 ‰ a day
    early_discount_bp: Mapped[int] = mapped_column(Integer, default=0)
    early_discount_until: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime]
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))

    rates: Mapped[list[FeeRate]] = relationship(back_populates="schedule", order_by="FeeRate.id")
    items: Mapped[list[FeeItem]] = relationship(back_populates="schedule", order_by="FeeItem.id")

    __table_args__ = (UniqueConstraint("season", "version"),)


class FeeRate(Base):
    """Price per m² for the season, by user class and heating form."""

    __tablename__ = "fee_rate"

    id: Mapped[int] = mapped_column(primary_key=True)
    schedule_id: Mapped[int] = mapped_column(ForeignKey("fee_schedule.id"), index=True)
    user_class: Mapped[UserClass]
    heating_form: Mapped[HeatingForm]
    price_fen_per_m2: Mapped[int] = mapped_column(Integer)

    schedule: Mapped[FeeSchedule] = relationship(back_populates="rates")

    __table_args__ = (UniqueConstraint("schedule_id", "user_class", "heating_form"),)


class FeeItem(Base):
    """A business fee of the schedule (e.g. sealing the valve on a stop), by the
    code the business catalogue uses."""

    __tablename__ = "fee_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    schedule_id: Mapped[int] = mapped_column(ForeignKey("fee_schedule.id"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(60))
    amount_fen: Mapped[int] = mapped_column(Integer)

    schedule: Mapped[FeeSchedule] = relationship(back_populates="items")

    __table_args__ = (UniqueConstraint("schedule_id", "code"),)


class AccountChange(Base):
    """A dated change of what an account is billed on (heating state or area),
    recorded when a business completes; settlement prorates by these dates."""

    __tablename__ = "account_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"), index=True)
    effective_date: Mapped[dt.date] = mapped_column(Date)
    heating_state: Mapped[HeatingState | None]
    area_x100: Mapped[int | None] = mapped_column(Integer)
    request_id: Mapped[int | None] = mapped_column(ForeignKey("service_request.id"))
    created_at: Mapped[dt.datetime]


class Bill(Base):
    """An account's bill for one season, built from typed lines."""

    __tablename__ = "bill"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"), index=True)
    season: Mapped[str] = mapped_column(String(9), index=True)
    schedule_id: Mapped[int] = mapped_column(ForeignKey("fee_schedule.id"))
    total_fen: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime]
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    # a regenerated bill replaces this one; the old one stays on record
    superseded_by_id: Mapped[int | None] = mapped_column(ForeignKey("bill.id"))

    lines: Mapped[list[BillLine]] = relationship(back_populates="bill", order_by="BillLine.position")

    __table_args__ = (Index("ix_bill_account_season", "account_id", "season"),)


class BillLine(Base):
    __tablename__ = "bill_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    bill_id: Mapped[int] = mapped_column(ForeignKey("bill.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(30))          # heating, basic_fee, reduction, item ...
    label: Mapped[str] = mapped_column(String(120))
    basis: Mapped[dict[str, Any]]                            # schedule line, area, days, rate
    amount_fen: Mapped[int] = mapped_column(Integer)         # negative for reductions

    bill: Mapped[Bill] = relationship(back_populates="lines")


class Reduction(Base):
    """A reduction (减免) for a season: low-income household, heating below the
    standard temperature ...  Needs a supervisor's approval before it counts."""

    __tablename__ = "reduction"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"), index=True)
    season: Mapped[str] = mapped_column(String(9))
    kind: Mapped[str] = mapped_column(String(30))            # low_income, hardship, below_standard
    reason: Mapped[str] = mapped_column(Text)
    document: Mapped[str] = mapped_column(String(120))       # the supporting document
    percent_bp: Mapped[int | None] = mapped_column(Integer)  # share of the heating charge
    amount_fen: Mapped[int | None] = mapped_column(Integer)  # or a fixed amount
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    requested_at: Mapped[dt.datetime]
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    decided_at: Mapped[dt.datetime | None]
    approved: Mapped[bool | None] = mapped_column(Boolean)  # None while pending
    decision_note: Mapped[str] = mapped_column(Text, default="")


class Shift(Base):
    """A clerk's cash drawer from opening float to the counted close."""

    __tablename__ = "shift"

    id: Mapped[int] = mapped_column(primary_key=True)
    clerk_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    opened_at: Mapped[dt.datetime]
    float_fen: Mapped[int] = mapped_column(Integer)
    closed_at: Mapped[dt.datetime | None]
    counted: Mapped[dict[str, Any] | None]                  # denomination -> count
    counted_fen: Mapped[int | None] = mapped_column(Integer)
    expected_fen: Mapped[int | None] = mapped_column(Integer)
    difference_reason: Mapped[str] = mapped_column(Text, default="")
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class LedgerEntry(Base):
    """A payment, a void or a refund: append-only and hash-chained.

    Payments carry the receipt number (one gap-free sequence per year, assigned
    in the payment's own transaction).  A void keeps the original's number and
    marks it void; a refund is its own entry linked to the original."""

    __tablename__ = "ledger_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(Integer, unique=True)   # place in the hash chain
    entry_type: Mapped[str] = mapped_column(String(10))           # payment, void, refund
    receipt_no: Mapped[str | None] = mapped_column(String(20), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"), index=True)
    request_id: Mapped[int | None] = mapped_column(ForeignKey("service_request.id"))
    original_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_entry.id"), index=True)
    method: Mapped[str] = mapped_column(String(20))               # cash, card, wechat, alipay, transfer
    amount_fen: Mapped[int] = mapped_column(Integer)              # signed: refunds negative
    tendered_fen: Mapped[int | None] = mapped_column(Integer)     # cash handed over
    change_fen: Mapped[int | None] = mapped_column(Integer)
    prepayment: Mapped[bool] = mapped_column(Boolean, default=False)
    allocation: Mapped[dict[str, Any]]                            # what the money paid: lines
    reason: Mapped[str] = mapped_column(Text, default="")
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shift.id"), index=True)
    clerk_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[dt.datetime] = mapped_column(index=True)
    business_date: Mapped[dt.date] = mapped_column(Date, index=True)  # the hall's day
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class ReceiptPrint(Base):
    """Every printing of a receipt after the first (副本 with its count)."""

    __tablename__ = "receipt_print"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("ledger_entry.id"), index=True)
    copy_no: Mapped[int] = mapped_column(Integer)
    printed_at: Mapped[dt.datetime]
    printed_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))


class ReceiptCode(Base):
    """A payment receipt's own tracking code: its QR code opens the receipt's page on
    the tracking service, where whoever holds the paper sees it is genuine and
    whether it was voided or refunded.  Kept beside the ledger, not in it: a
    ledger entry is sealed by its hash, and a code is not money."""

    __tablename__ = "receipt_code"

    entry_id: Mapped[int] = mapped_column(ForeignKey("ledger_entry.id"), primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    created_at: Mapped[dt.datetime]
