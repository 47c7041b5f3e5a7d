"""Wizard drafts: a business left midway loses nothing and can be resumed.

A draft belongs to the clerk who typed it.  Finishing or discarding marks it;
nothing is deleted."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app import audit
from counter_app.core import Actor, Core
from counter_app.db.models import WizardDraft
from counter_app.domain.permissions import Permission
from counter_app.errors import NotFound, PermissionDenied


@dataclass(frozen=True)
class DraftView:
    id: int
    kind: str
    title: str
    data: dict[str, Any]
    updated_at: dt.datetime


def _view(d: WizardDraft) -> DraftView:
    return DraftView(d.id, d.kind, d.title, dict(d.data), d.updated_at)


def save(core: Core, actor: Actor, kind: str, data: dict[str, Any], *, title: str = "",
         draft_id: int | None = None) -> int:
    """Create or update the actor's draft; returns its id."""
    actor.require(Permission.SERVE)
    core.catalogue.get(kind)
    with core.unit_of_work() as session:
        if draft_id is None:
            return _new(session, core, actor, kind, data, title)
        draft = _own(session.get(WizardDraft, draft_id), actor)
        draft.data, draft.title, draft.updated_at = data, title[:200], core.now()
        return draft.id


def keep(core: Core, actor: Actor, kind: str, data: dict[str, Any], *, title: str = "",
         draft_id: int | None = None) -> int:
    """What the wizard does whenever the clerk moves on: save the typing in its
    draft, or - when that draft was finished or discarded meanwhile (in another
    window) - in a new one, so nothing typed is lost.  Returns the draft's id."""
    actor.require(Permission.SERVE)
    core.catalogue.get(kind)
    with core.unit_of_work() as session:
        draft = session.get(WizardDraft, draft_id) if draft_id is not None else None
        if draft is None or draft.discarded or draft.finished_request_id is not None:
            return _new(session, core, actor, kind, data, title)
        draft = _own(draft, actor)                          # someone else's is refused
        draft.data, draft.title, draft.updated_at = data, title[:200], core.now()
        return draft.id


def _new(session: Session, core: Core, actor: Actor, kind: str, data: dict[str, Any],
         title: str) -> int:
    now = core.now()
    draft = WizardDraft(staff_id=actor.staff_id, kind=kind, title=title[:200], data=data,
                        created_at=now, updated_at=now)
    session.add(draft)
    session.flush()
    audit.record(session, staff_id=actor.staff_id, at=now, action="create", obj=draft)
    return draft.id


def _own(draft: WizardDraft | None, actor: Actor) -> WizardDraft:
    if draft is None or draft.discarded or draft.finished_request_id is not None:
        raise NotFound("该草稿已办结或已放弃")
    if draft.staff_id != actor.staff_id:
        raise PermissionDenied("这是其他同事的草稿，须由本人继续办理或移交")
    return draft


def load(core: Core, actor: Actor, draft_id: int) -> DraftView:
    with core.reading() as session:
        return _view(_own(session.get(WizardDraft, draft_id), actor))


def open_drafts(core: Core, actor: Actor) -> list[DraftView]:
    with core.reading() as session:
        return [_view(d) for d in session.scalars(
            select(WizardDraft).where(WizardDraft.staff_id == actor.staff_id,
                                      WizardDraft.discarded.is_(False),
                                      WizardDraft.finished_request_id.is_(None))
            .order_by(WizardDraft.updated_at.desc()))]


def finish(core: Core, actor: Actor, draft_id: int, request_id: int | None) -> None:
    """Close a draft: finished with the request it became, or discarded (None)."""
    with core.unit_of_work() as session:
        finish_in(session, core, actor, draft_id, request_id)


def finish_in(session: Session, core: Core, actor: Actor, draft_id: int,
              request_id: int | None) -> None:
    """``finish`` inside the caller's unit of work."""
    draft = _own(session.get(WizardDraft, draft_id), actor)
    before = audit.snapshot(draft)
    if request_id is None:
        draft.discarded = True
    else:
        draft.finished_request_id = request_id
    draft.updated_at = core.now()
    audit.record(session, staff_id=actor.staff_id, at=core.now(),
                 action="discard" if request_id is None else "finish", obj=draft, before=before)
