"""Where the fee and payment module (next issue) plugs into the businesses.

Until bills exist an account owes nothing; the fee module replaces this with the
sum of its open bills."""

from __future__ import annotations

from sqlalchemy.orm import Session

from counter_app.db.models import Account


def arrears_fen(session: Session, account: Account) -> int:  # noqa: ARG001
    return 0
