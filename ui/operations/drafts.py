"""Wizard drafts: what a clerk typed, kept until the business is registered."""

from __future__ import annotations

from typing import Any

from counter_app.core import Actor, Core
from counter_app.services import drafts
from counter_app.services.drafts import DraftView
from ui.bridge import Operations
from ui.operations import Changes, announce

__all__ = ["DraftView", "discard", "load", "mine", "save"]


def save(ops: Operations, core: Core, actor: Actor, kind: str, data: dict[str, Any], title: str,
         draft_id: int | None) -> tuple[bool, int]:
    """Keep what the clerk typed: in its draft, or in a new one when that draft
    was finished or discarded meanwhile in another window."""
    ok, saved = ops.call(drafts.keep, core, actor, kind, data, title=title, draft_id=draft_id)
    if ok and saved != draft_id:
        announce(Changes(drafts=True))
    return ok, saved


def load(ops: Operations, core: Core, actor: Actor, draft_id: int) -> tuple[bool, DraftView]:
    return ops.call(drafts.load, core, actor, draft_id)


def mine(ops: Operations, core: Core, actor: Actor) -> tuple[bool, list[DraftView]]:
    return ops.call(drafts.open_drafts, core, actor)


def discard(ops: Operations, core: Core, actor: Actor, draft_id: int) -> bool:
    ok, _none = ops.call(drafts.finish, core, actor, draft_id, None)
    if ok:
        announce(Changes(drafts=True))
    return ok
