"""An approver's decision is deliberate and final: the request desk asks a
confirmation for it, and once a stop is approved no other decision is offered
or taken (the customer may still withdraw)."""

from __future__ import annotations

import pytest

from counter_app.domain.enums import RequestStatus
from counter_app.errors import Conflict
from counter_app.services import request_desk, requests
from tests.helpers import stop_request


def steps(desk):
    return {s.action: s for s in desk.steps}


def test_approving_asks_once_and_a_decided_stop_offers_no_other_decision(core, people):
    rid = stop_request(core, people.clerk)
    boss = steps(request_desk.request_desk(core, people.supervisor, rid))
    assert boss["approve"].decides and boss["approve"].asks_confirm and not boss["approve"].closes
    assert boss["reject"].asks_confirm and not boss["reject"].decides    # closes: asked with its note
    assert not boss["withdraw"].decides
    requests.act(core, people.supervisor, rid, "approve")

    for actor in (people.supervisor, people.clerk):
        offered = steps(request_desk.request_desk(core, actor, rid))
        assert "reject" not in offered and "approve" not in offered
        assert {"complete", "withdraw"} <= set(offered)
    with pytest.raises(Conflict, match="不能不予停热"):
        requests.act(core, people.supervisor, rid, "reject", note="改变主意")
    assert requests.get_request(core, rid).status is RequestStatus.APPROVED
