"""Typed SQLAlchemy models: the tables of the counter application.

Conventions:
- money is integer fen (``*_fen``); areas are integer hundredths of a square
  metre (``area_x100``) with a Decimal property, so both databases are exact;
- moments are ``UTCDateTime``; calendar days (deadlines) are ``Date``;
- nothing financial or registered is deleted: corrections are new rows.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from counter_app.db.types import UTCDateTime
from counter_app.domain.enums import (
    Channel,
    DocumentState,
    EventType,
    FeedbackKind,
    HeatingForm,
    HeatingState,
    HolderKind,
    RequestStatus,
    Role,
    Satisfaction,
    UserClass,
)
from counter_app.domain.premises import format_address

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        enum.Enum: Enum(enum.Enum, native_enum=False, length=32,
                        values_callable=lambda e: [m.value for m in e]),
        dict[str, Any]: JSON,
        dt.datetime: UTCDateTime,
    }


class Staff(Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(40))
    role: Mapped[Role]
    password_hash: Mapped[str] = mapped_column(String(200))
    department: Mapped[str] = mapped_column(String(40), default="营业厅")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime]


class Customer(Base):
    """The holder of one or more accounts: a person or an organisation."""

    __tablename__ = "customer"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[HolderKind]
    name: Mapped[str] = mapped_column(String(100))
    # 18-character resident ID (person) or unified social credit code (organisation)
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    phone: Mapped[str | None] = mapped_column(String(30), index=True)
    phone2: Mapped[str | None] = mapped_column(String(30), index=True)
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]

    accounts: Mapped[list[Account]] = relationship(back_populates="customer")


class Account(Base):
    """A heating account (户号) for one premises."""

    __tablename__ = "account"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_no: Mapped[str] = mapped_column(String(20), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    community: Mapped[str] = mapped_column(String(60), default="")
    building: Mapped[str] = mapped_column(String(20), default="")
    unit: Mapped[str] = mapped_column(String(20), default="")
    room: Mapped[str] = mapped_column(String(20), default="")
    # free-text address for premises that do not fit community/building/unit/room
    address_text: Mapped[str] = mapped_column(String(200), default="")
    area_x100: Mapped[int] = mapped_column(Integer)
    user_class: Mapped[UserClass]
    heating_form: Mapped[HeatingForm]
    heating_state: Mapped[HeatingState]
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    # maintained by counter_app.search: holder name + address, and the same
    # text with every character spaced out (SQLite's 1-2 character index)
    search_text: Mapped[str] = mapped_column(String(400), default="")
    search_grams: Mapped[str] = mapped_column(Text, default="")

    customer: Mapped[Customer] = relationship(back_populates="accounts")

    __table_args__ = (Index("ix_account_premises", "community", "building", "unit", "room"),)

    @property
    def area(self) -> Decimal:
        return (Decimal(self.area_x100) / 100).quantize(Decimal("0.01"))

    @area.setter
    def area(self, value: Decimal) -> None:
        self.area_x100 = int((value * 100).to_integral_value())

    @property
    def address(self) -> str:
        return format_address(self.community, self.building, self.unit, self.room,
                              self.address_text)


class ServiceRequest(Base):
    """One business handled at the counter, from first record to result."""

    __tablename__ = "service_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    status: Mapped[RequestStatus] = mapped_column(index=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), index=True)
    # for an application by a customer not yet registered: who is applying
    applicant_name: Mapped[str] = mapped_column(String(100), default="")
    by_agent: Mapped[bool] = mapped_column(Boolean, default=False)
    agent_name: Mapped[str] = mapped_column(String(100), default="")
    tracking_code: Mapped[str] = mapped_column(String(40), unique=True)
    # 首问负责: the clerk who first received it, changed only by a handover
    owner_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    received_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    closed_at: Mapped[dt.datetime | None]
    fields: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # the deadline running now (plan reply, heat on ...), in working days
    deadline_kind: Mapped[str | None] = mapped_column(String(20))
    deadline: Mapped[dt.date | None] = mapped_column(Date, index=True)
    deadline_fallback: Mapped[bool] = mapped_column(Boolean, default=False)
    pending_approval: Mapped[bool] = mapped_column(Boolean, default=False, index=True)

    account: Mapped[Account | None] = relationship()
    owner: Mapped[Staff] = relationship(foreign_keys=[owner_id])
    events: Mapped[list[RequestEvent]] = relationship(
        back_populates="request", order_by="RequestEvent.id")
    documents: Mapped[list[RequestDocument]] = relationship(
        back_populates="request", order_by="RequestDocument.id")


class RequestEvent(Base):
    """A timeline entry: record, instruction, response or result (article 7)."""

    __tablename__ = "request_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("service_request.id"), index=True)
    at: Mapped[dt.datetime]
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    event_type: Mapped[EventType]
    action: Mapped[str] = mapped_column(String(40))
    from_status: Mapped[RequestStatus | None]
    to_status: Mapped[RequestStatus | None]
    note: Mapped[str] = mapped_column(Text, default="")
    # a missed deadline needs a recorded reason
    late_reason: Mapped[str] = mapped_column(Text, default="")
    handover_to_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    handover_department: Mapped[str] = mapped_column(String(40), default="")

    request: Mapped[ServiceRequest] = relationship(back_populates="events")
    staff: Mapped[Staff] = relationship(foreign_keys=[staff_id])


class RequestDocument(Base):
    """One line of a request's documents checklist."""

    __tablename__ = "request_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("service_request.id"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(100))
    required: Mapped[bool] = mapped_column(Boolean)
    one_of: Mapped[str] = mapped_column(String(40), default="")
    original_required: Mapped[bool] = mapped_column(Boolean, default=False)
    copies_required: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[DocumentState]
    original_seen: Mapped[bool] = mapped_column(Boolean, default=False)
    copies: Mapped[int] = mapped_column(Integer, default=0)
    waived_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    waive_reason: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime]

    request: Mapped[ServiceRequest] = relationship(back_populates="documents")

    __table_args__ = (UniqueConstraint("request_id", "code"),)


class Feedback(Base):
    """An entry of the visitor feedback book (意见簿).  Never deleted: a
    correction is a new entry pointing at the one it corrects."""

    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    kind: Mapped[FeedbackKind] = mapped_column(index=True)
    channel: Mapped[Channel]
    account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"))
    customer_name: Mapped[str] = mapped_column(String(100), default="")
    contact: Mapped[str] = mapped_column(String(60), default="")
    text: Mapped[str] = mapped_column(Text)
    department: Mapped[str] = mapped_column(String(40), default="")
    received_at: Mapped[dt.datetime]
    received_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    reply_deadline: Mapped[dt.date | None] = mapped_column(Date, index=True)
    deadline_fallback: Mapped[bool] = mapped_column(Boolean, default=False)
    reply_text: Mapped[str] = mapped_column(Text, default="")
    replied_at: Mapped[dt.datetime | None]
    replied_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    late_reason: Mapped[str] = mapped_column(Text, default="")
    followup_at: Mapped[dt.datetime | None]
    followup_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    followup_result: Mapped[str] = mapped_column(Text, default="")
    satisfaction: Mapped[Satisfaction | None]
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("feedback.id"))
    superseded: Mapped[bool] = mapped_column(Boolean, default=False)


class AuditRecord(Base):
    """Append-only trail of every create and update made by a service.

    Database triggers refuse UPDATE and DELETE on this table."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(40))
    before: Mapped[dict[str, Any] | None]
    after: Mapped[dict[str, Any] | None]

    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)


class CalendarOverride(Base):
    """A working-day override a supervisor entered from the State Council notice."""

    __tablename__ = "calendar_override"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    is_workday: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(String(60), default="")
    entered_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    entered_at: Mapped[dt.datetime]


class CalendarYear(Base):
    """A year whose whole holiday notice a supervisor has entered."""

    __tablename__ = "calendar_year"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    source: Mapped[str] = mapped_column(String(100), default="")
    entered_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    entered_at: Mapped[dt.datetime]


class Setting(Base):
    """Settings shared by every counter (company name, deadlines, ...)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class WizardDraft(Base):
    """A business wizard left midway: what was typed, kept until resumed."""

    __tablename__ = "wizard_draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200), default="")
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    # set when the wizard finished (the request id) or was discarded; kept on record
    finished_request_id: Mapped[int | None] = mapped_column(ForeignKey("service_request.id"))
    discarded: Mapped[bool] = mapped_column(Boolean, default=False)


class ClientToken(Base):
    """A write a clerk can repeat (a payment, a registration, a feedback entry)
    carries a token made when its form opened.  The token is stored in the same
    transaction as what it created, so a repeated call - a double click, or a
    retry after the database lost a commit's acknowledgement - finds the first
    result here instead of recording it twice."""

    __tablename__ = "client_token"

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    action: Mapped[str] = mapped_column(String(40))
    result_id: Mapped[int] = mapped_column(Integer)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[dt.datetime]


class Counter(Base):
    """Named sequences (request numbers per year ...), incremented in the
    transaction that uses the number, so a rolled-back use leaves no gap."""

    __tablename__ = "counter"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


# the money tables live in their own module; importing it here registers them
# with Base.metadata wherever the models are used
from counter_app.db import money  # noqa: E402, F401
