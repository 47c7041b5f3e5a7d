"""Businesses at the counter: registering one, looking one up, its steps."""

from __future__ import annotations

from collections.abc import Sequence

from counter_app.core import Actor, Core
from counter_app.services import registration, requests
from counter_app.services.registration import Waiver
from counter_app.services.requests import Application, DocumentInput, DocumentView, RequestView
from ui.bridge import FieldHandler, Operations
from ui.operations import Changes, announce

__all__ = ["Application", "DocumentInput", "DocumentView", "RequestView", "Waiver", "get_request",
           "register"]


def register(ops: Operations, core: Core, actor: Actor, application: Application, *,
             waivers: Sequence[Waiver], draft_id: int | None, token: str,
             on_field_error: FieldHandler | None = None) -> tuple[bool, RequestView]:
    """The wizard's 确认办理: the request, its waivers, the draft closed, and
    accepted or waiting for documents - all or nothing, once per token."""
    ok, view = ops.call(registration.register, core, actor, application, waivers=waivers,
                        draft_id=draft_id, client_token=token, on_field_error=on_field_error,
                        resolvable=True)
    if ok:
        announce(Changes.of(accounts=[view.account_id], requests=[view.id], drafts=draft_id is not None))
    return ok, view


def get_request(ops: Operations, core: Core, request_id: int) -> tuple[bool, RequestView]:
    return ops.call(requests.get_request, core, request_id)
