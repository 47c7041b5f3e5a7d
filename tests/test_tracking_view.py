"""What a resident's phone may see behind the QR code (the core's read, without the web server)."""

from __future__ import annotations

import pytest

from counter_app.domain.masking import mask_address, mask_name, mask_phone
from counter_app.services import requests, tracking
from tests.test_requests import residential_application


def test_masking():
    assert (mask_name("张伟"), mask_name("欧阳娜娜"), mask_name("")) == ("张*", "欧***", "")
    assert mask_address("幸福小区", "3", "2", "301") == "幸福小区3号楼*单元***室"
    assert mask_address("", "", "", "", "人民路88号临街商铺") == "人民路8***"
    assert mask_phone("13912345678") == "139****5678"


def test_the_public_view_is_masked_and_follows_the_request(core, people):
    rid = residential_application(core, people.clerk)
    requests.act(core, people.clerk, rid, "accept")
    code = requests.get_request(core, rid).tracking_code
    view = tracking.public_view(core, code)
    assert (view.business, view.status, view.holder) == ("居民用热申请", "已受理", "张*")
    assert view.address == "幸福小区3号楼*单元***室"
    assert [m.what for m in view.timeline] == ["已登记", "材料齐全", "已受理"]
    assert {m.date for m in view.timeline} == {"2025-11-20"}
    assert (view.deadline, view.deadline_state, view.days_left) == ("2025-11-25", "on_time", 3)
    assert view.deadline_purpose == "答复供热方案"
    assert view.receipts == () and not view.confirmed
    assert "张伟" not in repr(view) and "13912340001" not in repr(view)


@pytest.mark.parametrize("code", ["", "short", "A" * 22, "A" * 23, "'; DROP TABLE account;--",
                                  "<script>alert(1)</script>", None])
def test_unknown_or_malformed_codes_look_alike(core, people, code):
    residential_application(core, people.clerk)
    assert tracking.public_view(core, code) is None


def test_a_withdrawn_request_is_not_shown(core, people):
    rid = residential_application(core, people.clerk)
    requests.act(core, people.clerk, rid, "withdraw")
    assert tracking.public_view(core, requests.get_request(core, rid).tracking_code) is None


def test_the_phone_digits_unlock_only_the_residents_own_payments(core, people):
    rid = residential_application(core, people.clerk)
    code = requests.get_request(core, rid).tracking_code
    assert tracking.confirmed_view(core, code, "0000") is None
    assert tracking.confirmed_view(core, code, "12a4") is None
    view = tracking.confirmed_view(core, code, "0001")          # phone 13912340001 on file
    assert view is not None and view.confirmed and view.receipts == ()
