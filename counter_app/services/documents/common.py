"""What every printed document shares: who issues it (the company and its hall,
from the shared settings), the address a tracking QR code opens, a moment as the
hall reads it, a whole season's heating fee of an area."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from sqlalchemy.orm import Session

from counter_app.domain.money import round_fen
from counter_app.services import settings

DEFAULT_TRACKING_BASE = "https://heat.example.com/t/"


@dataclass(frozen=True)
class Company:
    """Who issues the document: from the shared settings."""

    company_name: str
    hall_name: str = ""
    hall_address: str = ""
    hall_phone: str = ""
    opening_hours: str = ""
    tracking_base_url: str = DEFAULT_TRACKING_BASE

    @classmethod
    def from_settings(cls, values: dict[str, Any]) -> Company:
        return cls(**{k: str(values.get(k, "")) for k in cls.__dataclass_fields__})


COMPANY_SETTINGS = tuple(Company.__dataclass_fields__)


def company_in(session: Session) -> Company:
    """The issuing company and hall, inside the document's read (one query)."""
    return Company.from_settings(settings.read_many(session, COMPANY_SETTINGS))


def tracking_url(base_url: str, code: str) -> str:
    """The address a resident's phone opens: base from settings + the code."""
    base = base_url.strip() or DEFAULT_TRACKING_BASE
    if not base.endswith("/"):
        base += "/"
    return base + code


def season_fee(price_fen_per_m2: int, area: Decimal | str) -> int:
    """A whole season's heating fee of ``area`` square metres at a price: what a
    season bill of a heating account charges (area x price, rounded once)."""
    return round_fen(Fraction(price_fen_per_m2) * Fraction(Decimal(str(area))))


def stamp(moment: dt.datetime | None, zone: dt.tzinfo) -> str:
    """A moment as the hall reads it: 2026-11-27 10:05."""
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M") if moment else ""


__all__ = ["COMPANY_SETTINGS", "Company", "company_in", "season_fee", "stamp", "tracking_url"]
