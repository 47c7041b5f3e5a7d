"""Tracking codes a person can read off paper and type: Crockford base 32, grouped
in fours, with a check character; typing is forgiven, old codes keep working."""

from __future__ import annotations

import math
import re

import pytest
from sqlalchemy import update

from counter_app import tracking_codes as tc
from counter_app.db.models import ServiceRequest
from counter_app.errors import NotFound
from counter_app.services import lookup, requests, tracking
from tests.test_requests import residential_application
from tests.web_fixtures import site  # noqa: F401 - fixture

NEW = re.compile(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}")
LEGACY = "Zq0_O1lI-9xYk3Wm2PqRsA"          # as issued before: 22 characters of URL-safe base64


def sloppy(code: str) -> str:
    """The code as a resident types it off the paper: lower case, groups split by
    spaces, every 0 read as the letter O and every 1 as the letter l."""
    return " ".join(code.split("-")).lower().replace("0", "o").replace("1", "l")


def test_new_codes_have_no_look_alikes_are_grouped_and_unguessable():
    codes = {tc.new_code() for _ in range(2000)}
    assert len(codes) == 2000
    for code in codes:
        assert NEW.fullmatch(code), code
        assert not set(code) & set("ILOU")
        assert tc.canonical(code) == code
    assert tc.RANDOM_CHARS * math.log2(len(tc.ALPHABET)) >= 100     # ~100 bits at least
    # the characters are spread evenly over the alphabet (no bias a guesser could use)
    counts = {c: 0 for c in tc.ALPHABET}
    for code in codes:
        for char in code.replace("-", "")[:-1]:
            counts[char] += 1
    expected = 2000 * tc.RANDOM_CHARS / 32
    assert all(abs(n - expected) < 0.2 * expected for n in counts.values())


def test_typing_is_forgiven_case_spaces_hyphens_and_look_alikes():
    code = "7KQ3-M0XV-2RTC-9HB4-EPZW-N5G" + tc.check_character("7KQ3M0XV2RTC9HB4EPZWN5G")
    assert tc.canonical(code) == code
    for typed in (code.lower(), code.replace("-", ""), code.replace("-", " "), sloppy(code),
                  f"  {code.replace('-', '')[:10]} - {code.replace('-', '')[10:]}  ",
                  code.replace("-", "－"),                              # a full-width hyphen
                  "".join(chr(ord(c) + 0xFEE0) if c.isalnum() else c for c in code),  # full width
                  code.replace("1", "I")):
        assert tc.canonical(typed) == code, typed
    assert tc.from_scan(f"https://track.heat.cn/t/{code}") == code
    assert tc.from_scan(f"https://track.heat.cn/q/{code.lower()}/") == code


def test_a_mistyped_character_or_swapped_neighbours_is_never_another_code():
    code = tc.new_code()
    chars = code.replace("-", "")
    for i, original in enumerate(chars):
        for other in tc.ALPHABET:
            if other != original:
                typo = chars[:i] + other + chars[i + 1:]
                assert tc.canonical(typo) is None and tc.mistyped(typo), typo
    # every pair of neighbours swapped, at an even and an odd place from the end, is
    # caught - but 0 and Z, the one pair Luhn mod 32 cannot tell apart
    body = "7KQ3M0XV2RTC9HB4EPZWN5G"
    for a in tc.ALPHABET:
        for b in tc.ALPHABET:
            if a < b and {a, b} != {"0", "Z"}:
                for at in (10, 11):
                    good = body[:at] + a + b + body[at + 2:]
                    swapped = body[:at] + b + a + body[at + 2:]
                    assert tc.check_character(good) != tc.check_character(swapped), (a, b, at)


@pytest.mark.parametrize("text", ["", "short", "张伟", "100100001", "13912340001",
                                  "130102199001011234", "幸福小区3号楼2单元301室", "U" * 24, None, 42,
                                  "A" * 5000, "http://[7KQ3", "https://x/t/"])
def test_search_terms_are_not_codes(text):
    assert tc.canonical(text) is None
    if isinstance(text, str):
        assert tc.from_scan(text) is None and not tc.mistyped(text)


def test_codes_issued_before_keep_working_exactly_as_printed():
    assert tc.canonical(LEGACY) == LEGACY
    assert tc.canonical(f" {LEGACY} ") == LEGACY
    assert tc.from_scan(f"https://heat.example.com/t/{LEGACY}") == LEGACY
    assert tc.canonical(LEGACY.lower()) == LEGACY.lower()      # base64: case is part of the code


def _make_legacy(core, rid: int) -> None:
    with core.unit_of_work() as session:
        session.execute(update(ServiceRequest).where(ServiceRequest.id == rid)
                        .values(tracking_code=LEGACY))


def test_the_counter_finds_a_request_by_its_code_however_it_was_typed(core, people):
    rid = residential_application(core, people.clerk)
    code = requests.get_request(core, rid).tracking_code
    assert NEW.fullmatch(code)
    for typed in (code, sloppy(code), code.replace("-", ""), f"https://track.heat.cn/t/{code}"):
        assert lookup.lookup(core, typed).request_id == rid, typed
        assert requests.find_by_tracking(core, typed).id == rid
    body = code.replace("-", "")
    typo = body[:5] + ("A" if body[5] != "A" else "B") + body[6:]
    with pytest.raises(NotFound, match="校验位"):
        lookup.lookup(core, typo)

    _make_legacy(core, rid)                 # a request of before keeps its code
    assert lookup.lookup(core, LEGACY).request_id == rid
    assert lookup.lookup(core, f"https://heat.example.com/t/{LEGACY}").request_id == rid


def test_the_tracking_page_forgives_the_typed_code_and_keeps_old_codes(core, people, site):  # noqa: F811
    rid = residential_application(core, people.clerk)
    code = requests.get_request(core, rid).tracking_code
    page = site.get(f"/t/{code}")
    assert page.status_code == 200 and '<h1 id="status">已登记</h1>' in page.text
    assert site.get(f"/t/{code.lower().replace('0', 'o')}").text == page.text
    typed = site.get("/t", params={"code": sloppy(code)})
    assert typed.status_code == 303 and typed.headers["location"] == f"/t/{code}"
    assert site.get(f"/api/t/{code.replace('-', '')}").json()["number"] == \
        requests.get_request(core, rid).number

    _make_legacy(core, rid)
    assert site.get(f"/t/{LEGACY}").status_code == 200
    assert site.get(f"/t/{LEGACY.lower()}").status_code == 404
    assert tracking.public_view(core, LEGACY).status == "已登记"
    assert site.get(f"/t/{code}").status_code == 404
