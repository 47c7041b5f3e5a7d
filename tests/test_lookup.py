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


def test_the_panel_shows_what_is_owed_and_past_due_and_what_it_stops(core, people, clock):
    """Arrears are seen when the account is chosen, not at a wizard's last page:
    the panel's standing names the overdue seasons and the businesses they stop,
    with the amount the registering check itself refuses with."""
    import datetime as dt

    from counter_app.errors import Conflict
    from counter_app.services import billing, wizard_pages
    from tests.test_billing import SEASON, account, publish

    publish(core, people.admin)
    a = account(core, people.clerk)
    clock.set(2025, 11, 16, 9, 0)
    billing.generate_season(core, people.admin, SEASON)
    before = lookup.customer_panel(core, a).standing          # billed, not yet due
    assert before.due_fen == billing.get_statement(core, a).due_fen > 0      # early discount in
    assert not before.overdue and before.blocked == ()
    assert before.arrears.seasons == ()

    clock.set(2026, 1, 5, 9, 0)                               # past the due date 2025-12-31
    standing = lookup.customer_panel(core, a).standing
    assert standing.arrears.seasons == (SEASON,) and standing.overdue
    assert standing.arrears.principal_fen == 192375 and standing.arrears.late_fee_fen > 0
    assert standing.due_fen == billing.get_statement(core, a).due_fen
    assert standing.blocked == ("过户", "更名", "停热申请", "复热申请")
    with core.reading() as session:
        owed = billing.arrears_fen(session, accounts.load(session, a), on=dt.date(2026, 1, 5))
    assert owed == standing.arrears.owed_fen

    check = wizard_pages.customer_check(core, "stop", a)
    assert check.account.id == a and check.standing == standing
    fields = {"reason": "房屋空置", "season": SEASON, "phone": "13912345678"}
    with pytest.raises(Conflict) as refused:
        requests.receive(core, people.clerk, "stop", account_id=a, fields=fields)
    assert check.blocker == refused.value.message          # the same rule, said the same way
    assert "尚欠热费" in check.blocker and "停热" in check.blocker
    assert wizard_pages.customer_check(core, "settlement", a).blocker is None
    assert wizard_pages.customer_check(core, "change_transfer", a).blocker.startswith("原户主尚欠热费")
