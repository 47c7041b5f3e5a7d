"""Opening the counter application: the database, and the names of the company
and hall the login greets the clerk with, in one call once the login is on
screen."""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.core import Core
from counter_app.services import settings


@dataclass(frozen=True)
class Hall:
    company_name: str
    hall_name: str


def open_hall(url: str | None) -> tuple[Core, Hall]:
    core = settings.open_core(url)
    with core.reading() as session:
        names = settings.read_many(session, ("company_name", "hall_name"))
    return core, Hall(str(names["company_name"]), str(names["hall_name"]))


__all__ = ["Hall", "open_hall"]
