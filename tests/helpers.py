"""Small builders shared by the tests."""

from __future__ import annotations

from stdnum.cn import ric

from counter_app.services import accounts, requests
from counter_app.services.accounts import AccountInput
from counter_app.services.requests import DocumentInput


def resident_id(area: str = "110105", birth: str = "19800101", seq: str = "123") -> str:
    body = f"{area}{birth}{seq}"
    return body + ric.calc_check_digit(body + "0")  # stdnum expects a check slot


def account_input(n: int = 1, **overrides: str) -> AccountInput:
    values = dict(account_no=f"1001{n:05d}", holder_name="张伟", id_number=resident_id(seq=f"{n % 1000:03d}"),
                  phone=f"1391234{n:04d}", community="幸福小区", building="3", unit="2",
                  room=f"{300 + n}", area="85.50")
    values.update(overrides)
    return AccountInput(**values)


SAMPLE_BY_TYPE = {
    "text": "测试", "area": "500", "phone": "13912345678", "uscc": "91110000600037341L",
    "date": "2025-11-20", "integer": "1", "money": "100", "season": "2025-2026", "bool": "true",
}


def sample_fields(kind, **overrides: str) -> dict[str, str]:
    """A valid value for every required field of a business kind."""
    out = {}
    for f in kind.fields:
        if f.required:
            if f.type == "choice":
                out[f.key] = f.choices[0]
            elif f.type in ("resident_id", "id_number"):
                out[f.key] = resident_id(seq="777")
            else:
                out[f.key] = SAMPLE_BY_TYPE[f.type]
    out.update(overrides)
    return out


ALL_SEEN = DocumentInput(received=True, original_seen=True, copies=1)
FULL_DOCS = {"owner_id_card": ALL_SEEN, "property_certificate": ALL_SEEN}


def application(core, clerk, n=1, documents=None, accept=True) -> int:
    """A residential application for a new customer, accepted unless told."""
    rid = requests.receive(core, clerk, "application_residential",
                           new_account=account_input(n, heating_state="not_connected"),
                           documents=FULL_DOCS if documents is None else documents)
    if accept:
        requests.act(core, clerk, rid, "accept")          # Thu 20 Nov: plan reply due Tue 25 Nov
    return rid


def stop_request(core, clerk, n=2) -> int:
    """A stop, accepted: it waits for the supervisor's approval."""
    account_id = accounts.register_account(core, clerk, account_input(n))
    rid = requests.receive(core, clerk, "stop", account_id=account_id,
                           documents=dict(FULL_DOCS, last_season_receipt=ALL_SEEN),
                           fields={"reason": "房屋空置", "season": "2025-2026", "phone": "13912345678"})
    requests.act(core, clerk, rid, "accept")
    return rid
