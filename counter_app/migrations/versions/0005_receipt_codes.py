"""receipt codes

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-11

Every payment receipt gets a tracking code of its own, so its QR code opens a
page that shows the receipt is genuine.  Receipts taken before get theirs here:
a receipt printed before this version carries no QR code, but a reprint does.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

import counter_app.db.types
from counter_app.tracking_codes import new_code

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

BATCH = 5000


def upgrade() -> None:
    receipt_code = op.create_table('receipt_code',
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('created_at', counter_app.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['entry_id'], ['ledger_entry.id'],
                            name=op.f('fk_receipt_code_entry_id_ledger_entry')),
    sa.PrimaryKeyConstraint('entry_id', name=op.f('pk_receipt_code')),
    sa.UniqueConstraint('code', name=op.f('uq_receipt_code_code'))
    )
    # the codes of today's format (whatever it is: every format issued stays valid)
    now = dt.datetime.now(dt.UTC)
    payments = op.get_bind().execute(sa.text(
        "SELECT id FROM ledger_entry WHERE entry_type = 'payment' ORDER BY id")).scalars().all()
    for start in range(0, len(payments), BATCH):
        op.bulk_insert(receipt_code, [{"entry_id": entry_id, "code": new_code(), "created_at": now}
                                      for entry_id in payments[start:start + BATCH]])


def downgrade() -> None:
    op.drop_table('receipt_code')
