"""client tokens

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04

Writes a clerk can repeat carry a client token, stored with what they created,
so a repeated call returns the first result instead of recording twice.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import counter_app.db.types

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('client_token',
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('result_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('created_at', counter_app.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_client_token_staff_id_staff')),
    sa.PrimaryKeyConstraint('token', name=op.f('pk_client_token'))
    )


def downgrade() -> None:
    op.drop_table('client_token')
