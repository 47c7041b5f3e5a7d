"""Writes a clerk can repeat, recorded once.

A form that can record something - a payment, a void, a refund, a business
registered at the counter, a feedback entry - makes a client token when it
opens (``new_token``) and sends it with every try.  The service stores the
token with the id of what it created, in the same transaction
(``remember``); a call that finds its token already stored returns the first
result instead of doing the work again (``previous``).

Two tries can race (a double click on two threads, two counters replaying the
same form): the token is the table's primary key, so the second one's insert
fails and its whole transaction - receipt number included - rolls back.
``replaying`` turns that failure into the first try's result.

This is what makes an uncertain commit safe to resolve: when the database lost
the acknowledgement of a commit (``CommitUncertain``), the same call with the
same token either finds the stored result or stores it now, once.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from counter_app.core import Actor, Core
from counter_app.db.models import ClientToken
from counter_app.errors import Conflict, ValidationError

T = TypeVar("T")

_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def new_token() -> str:
    """A fresh token for a form that has just opened."""
    return secrets.token_urlsafe(18)


def check(token: str | None) -> str | None:
    if token is None:
        return None
    if not _TOKEN.match(token):
        raise ValidationError("客户端单据标识格式不对（应为16-64位字母、数字、-或_）", field="client_token")
    return token


class AlreadyDone(Exception):  # a signal, not an error
    """Raised inside a unit of work that finds its token stored: leaving by an
    exception rolls back whatever it had reserved (a ledger position, a number)."""

    def __init__(self, result_id: int) -> None:
        super().__init__(result_id)
        self.result_id = result_id


def guard(session: Session, token: str | None, action: str) -> None:
    """Call inside the unit of work, after the locks it takes and before any
    work: a twin that committed meanwhile ends this one (``AlreadyDone``)."""
    if (first := previous(session, token, action)) is not None:
        raise AlreadyDone(first)


def previous(session: Session, token: str | None, action: str) -> int | None:
    """The id the first call with ``token`` created, or None on a first call."""
    if token is None:
        return None
    row = session.execute(select(ClientToken.action, ClientToken.result_id)
                          .where(ClientToken.token == token)).first()
    if row is None:
        return None
    if row.action != action:
        raise Conflict("该单据标识已用于另一项操作，请关闭窗口后重新办理")
    return int(row.result_id)


def remember(session: Session, core: Core, actor: Actor, token: str | None, action: str,
             result_id: int) -> None:
    """Store the token with what it created; flushed now, so a racing twin
    fails here (on its unique key) rather than at commit."""
    if token is None:
        return
    session.add(ClientToken(token=token, action=action, result_id=result_id,
                            staff_id=actor.staff_id, created_at=core.now()))
    session.flush()


def replaying(core: Core, token: str | None, action: str, call: Callable[[], T],
              present: Callable[[int], T]) -> T:
    """Run ``call`` unless its token is stored already; if it lost a race to a
    twin with the same token, return the twin's result.  ``present`` reads a
    stored result in its own transaction."""
    if token is not None:
        with core.reading() as session:
            first = previous(session, token, action)
        if first is not None:
            return present(first)
    try:
        return call()
    except AlreadyDone as done:
        return present(done.result_id)
    except IntegrityError:
        if token is None:
            raise
        with core.reading() as session:
            first = previous(session, token, action)
        if first is None:
            raise
        return present(first)
