"""What the papers of a request share - the acceptance slip and the one-time
notice: the request by its printed number or id, where the heat goes, the
documents still missing (one line per document or its alternatives) and the
deadline the company answers by, or how that deadline will be set."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from counter_app.catalogue import BusinessKind, DocumentSpec
from counter_app.core import Core
from counter_app.domain import workflow
from counter_app.services import accounts, requests
from counter_app.services.requests import RequestView

DEADLINE_FOR = workflow.DEADLINE_PURPOSE


def find_request(session: Session, core: Core, request: str | int) -> RequestView:
    """By printed number (SQ2026000123) or by id, inside the document's read."""
    text = str(request).strip()
    if text.isdigit():
        return requests.get_request_in(session, core, int(text))
    return requests.get_by_number_in(session, core, text)


def request_address(session: Session, request: RequestView) -> str:
    """The account's premises; a new customer's address as the application gives it."""
    if request.account_id is not None:
        return accounts.load(session, request.account_id).address
    return str(request.fields.get("address") or "")


def missing_groups(request: RequestView, kind: BusinessKind) -> tuple[tuple[DocumentSpec, ...], ...]:
    """The missing documents, each entry one document or its alternatives (A 或 B)."""
    specs = {d.code: d for d in kind.documents}
    missing = set(request.missing)
    groups: dict[str, list[DocumentSpec]] = {}
    for doc in request.documents:
        if doc.name in missing and doc.code in specs:
            groups.setdefault(doc.one_of or doc.code, []).append(specs[doc.code])
    return tuple(tuple(group) for group in groups.values())


@dataclass(frozen=True)
class Deadline:
    due: dt.date | None
    purpose: str        # what the company does by then
    rule: str           # when there is no date yet: how it will be set
    estimated: bool     # the calendar of that year is not published yet


def deadline_of(request: RequestView, kind: BusinessKind) -> Deadline:
    if request.deadline is not None:
        purpose = DEADLINE_FOR.get(request.deadline_kind or "", "答复办理结果")
        return Deadline(request.deadline, purpose, "", request.deadline_fallback)
    if request.status.is_closed:
        return Deadline(None, "", f"本业务已{request.status.label}，无待办时限", False)
    for step in workflow.transitions(kind.workflow):
        key = step.starts_deadline
        if key is not None and key in kind.deadlines and request.status in step.sources:
            when = "材料齐全、受理后" if step.needs_documents else f"{step.label}后"
            return Deadline(None, DEADLINE_FOR.get(key, "答复"),
                            f"{when}{kind.deadlines[key]}个工作日内{DEADLINE_FOR.get(key, '答复')}", False)
    return Deadline(None, "", "本阶段无规定时限，办理进度可扫码查询", False)


__all__ = ["DEADLINE_FOR", "Deadline", "deadline_of", "find_request", "missing_groups", "request_address"]
