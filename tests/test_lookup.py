"""The main window's lookup and customer panel, read by one service each."""

from __future__ import annotations

import pytest

from counter_app.errors import NotFound
from counter_app.services import accounts, lookup, requests
from tests.helpers import account_input, sample_fields


def test_a_scanned_code_opens_its_request_and_a_term_finds_accounts(core, people):
    account_id = accounts.register_account(core, people.clerk, account_input(1))
    kind = core.catalogue.get("change_area")
    rid = requests.receive(core, people.clerk, kind.kind, account_id=account_id,
                           fields=sample_fields(kind))
    code = requests.get_request(core, rid).tracking_code
    assert lookup.lookup(core, f"https://heat.example.com/t/{code}").request_id == rid
    assert lookup.lookup(core, code).request_id == rid
    found = lookup.lookup(core, "100100001")
    assert found.request_id is None and [h.account_id for h in found.hits] == [account_id]
    with pytest.raises(NotFound):
        lookup.lookup(core, "https://heat.example.com/t/" + "A" * 22)

    panel = lookup.customer_panel(core, account_id)
    assert panel.account.account_no == "100100001"
    assert [r.id for r in panel.open_requests] == [rid]
