"""The acceptance slip (受理回执) of a request, read at once: the request in
full, where the heat goes, what is missing, the deadline and the hall's
contacts, with the tracking address its QR code carries."""

from __future__ import annotations

from dataclasses import dataclass

from counter_app import tracking_codes
from counter_app.catalogue import DocumentSpec
from counter_app.core import Actor, Core
from counter_app.domain.permissions import Permission
from counter_app.services.documents.common import Company, company_in, stamp
from counter_app.services.documents.papers import (
    Deadline,
    deadline_of,
    find_request,
    missing_groups,
    request_address,
)
from counter_app.services.requests import RequestView


@dataclass(frozen=True)
class SlipData:
    company: Company
    request: RequestView
    address: str
    received_at: str
    printed_at: str
    missing: tuple[tuple[DocumentSpec, ...], ...]
    deadline: Deadline
    url: str | None                   # what its QR code opens; None: no QR (qr_missing says why)
    qr_missing: str = ""              # why it prints without a QR code, for the clerk


def slip_data(core: Core, actor: Actor, request: str | int) -> SlipData:
    """The slip of a request (by number like SQ2026000123, or by id)."""
    actor.require(Permission.SERVE)
    with core.reading() as session:
        view = find_request(session, core, request)
        address = request_address(session, view)
        company = company_in(session)
    kind = core.catalogue.get(view.kind)
    qr = tracking_codes.link(company.tracking_base_url, view.tracking_code)
    return SlipData(company, view, address, stamp(view.received_at, core.zone), stamp(core.now(), core.zone),
                    missing_groups(view, kind), deadline_of(view, kind), qr.url, qr.printed_note)


__all__ = ["SlipData", "slip_data"]
