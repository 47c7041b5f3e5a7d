"""Wizard drafts keep what was typed until the business is finished."""

from __future__ import annotations

import pytest

from counter_app.errors import NotFound, PermissionDenied
from counter_app.services import drafts


def test_draft_round_trip_and_ownership(core, people, clock):
    did = drafts.save(core, people.clerk, "stop", {"fields": {"reason": "房屋空置"}}, title="100100001 停热")
    clock.advance(minutes=5)
    drafts.save(core, people.clerk, "stop", {"fields": {"reason": "长期外出"}}, title="100100001 停热",
                draft_id=did)
    assert drafts.load(core, people.clerk, did).data == {"fields": {"reason": "长期外出"}}
    assert [d.id for d in drafts.open_drafts(core, people.clerk)] == [did]
    assert drafts.open_drafts(core, people.clerk2) == []
    with pytest.raises(PermissionDenied):
        drafts.load(core, people.clerk2, did)
    drafts.finish(core, people.clerk, did, None)
    assert drafts.open_drafts(core, people.clerk) == []
    with pytest.raises(NotFound):
        drafts.load(core, people.clerk, did)
